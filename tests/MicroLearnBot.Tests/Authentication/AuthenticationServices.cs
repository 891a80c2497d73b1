using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Builds the services of <c>AddBotFrameworkAuthentication</c> from in-memory settings, with a
/// fake clock and captured logs.
/// </summary>
internal static class AuthenticationServices
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static ServiceProvider Build(
        IDictionary<string, string?> settings,
        FakeTimeProvider? timeProvider = null,
        CapturingLoggerProvider? logs = null,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(timeProvider ?? new FakeTimeProvider(Start));
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddBotFrameworkAuthentication(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Settings of a MultiTenant bot with a secret whose keys come from <paramref name="metadataUrl"/>.</summary>
    public static Dictionary<string, string?> AppSettings(Uri metadataUrl) => new()
    {
        ["MicrosoftAppId"] = ChannelTokens.AppId,
        ["MicrosoftAppPassword"] = "test-secret-value",
        ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl.ToString(),
    };
}
