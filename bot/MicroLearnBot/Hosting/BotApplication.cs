using MicroLearnBot.Channels.BotFramework;
using MicroLearnBot.Content;
using MicroLearnBot.Conversation;
using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Hosting;

/// <summary>Builds the web host: each feature registers itself with one call.</summary>
public static class BotApplication
{
    /// <summary>The address the bot listens on when no setting names one: the Bot Framework samples' local port.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <param name="configure">Lets tests replace services (for example the clock) before the host is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json sits beside the executable, so settings load from whatever folder the bot starts in.
        // A relative database path resolves from the working folder, and so does Content:Path where it exists.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (!NamesListenAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddCourseContent(builder.Configuration);
        builder.Services.AddConversation();
        builder.Services.AddBotFrameworkChannel(builder.Configuration);
        builder.Services.AddDelivery(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("ready");
        builder.Services.AddHostedService<StartupBanner>();

        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = ReadinessHealthCheck.WriteStatusAsync });
        app.MapBotFrameworkChannel();
        return app;
    }

    // The usual ways to choose the address win over the default: --urls, ASPNETCORE_URLS or Urls,
    // ASPNETCORE_HTTP_PORTS or ASPNETCORE_HTTPS_PORTS (set by the .NET container images), and Kestrel:Endpoints.
    private static bool NamesListenAddress(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]) ||
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey]) ||
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]) ||
        configuration.GetSection("Kestrel:Endpoints").Exists();
}
