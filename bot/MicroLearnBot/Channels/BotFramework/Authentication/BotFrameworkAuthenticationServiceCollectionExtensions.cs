using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Registers Bot Framework authentication: inbound token validation, outbound tokens and the service URL trust policy.
/// </summary>
public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotFrameworkAuthenticationOptions"/> from the root of <paramref name="configuration"/>,
    /// validates them when the host starts, and registers <see cref="IChannelRequestAuthenticator"/>,
    /// <see cref="IConnectorTokenProvider"/> and <see cref="IServiceUrlTrustPolicy"/> as singletons.
    /// </summary>
    /// <remarks>
    /// A <see cref="TimeProvider"/> registered before this call replaces the system clock. The
    /// named HTTP clients <see cref="ChannelSigningKeyCache.HttpClientName"/> and
    /// <see cref="ConnectorTokenProvider.HttpClientName"/> can be configured further, for example with a proxy.
    /// </remarks>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotFrameworkAuthenticationOptions>()
            .Bind(configuration)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);

        // The channel waits about 15 seconds for the bot's response, so a key fetch must give up well before that.
        services.AddHttpClient(ChannelSigningKeyCache.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.AddHttpClient(ConnectorTokenProvider.HttpClientName);

        services.TryAddSingleton<ChannelSigningKeyCache>();
        services.TryAddSingleton<IChannelRequestAuthenticator, ChannelRequestAuthenticator>();
        services.TryAddSingleton<IConnectorTokenProvider, ConnectorTokenProvider>();
        services.TryAddSingleton<IServiceUrlTrustPolicy, ServiceUrlTrustPolicy>();

        return services;
    }
}
