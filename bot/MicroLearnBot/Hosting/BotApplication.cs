using MicroLearnBot.Channels.BotFramework;
using MicroLearnBot.Content;
using MicroLearnBot.Conversation;
using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Hosting;

/// <summary>Builds the web host: each feature registers itself with one call.</summary>
public static class BotApplication
{
    /// <param name="configure">Lets tests replace services (for example the clock) before the host is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json sits beside the executable, so settings load from whatever folder the bot starts in.
        // A relative database path resolves from the working folder, and so does Content:Path where it exists.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

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
}
