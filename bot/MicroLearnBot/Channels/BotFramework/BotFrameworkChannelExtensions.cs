using MicroLearnBot.Channels.BotFramework.Authentication;
using MicroLearnBot.Channels.BotFramework.Cards;
using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Channels.BotFramework;

/// <summary>Registers the Bot Framework channel (Teams and other Bot Framework clients).</summary>
public static class BotFrameworkChannelExtensions
{
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFrameworkAuthentication(configuration);
        services.AddSingleton<AdaptiveCardRenderer>();
        var tenantRequestsPerSecond = configuration.GetValue(TenantRateLimiter.SettingName, TenantRateLimiter.DefaultRequestsPerSecond);
        if (tenantRequestsPerSecond < 1)
        {
            throw new InvalidSettingsException(
                $"{TenantRateLimiter.SettingName} is {tenantRequestsPerSecond}; set a whole number of at least 1, or remove it to use the default {TenantRateLimiter.DefaultRequestsPerSecond}.");
        }

        services.AddSingleton(new TenantRateLimiter(tenantRequestsPerSecond));
        services.AddHttpClient<ConnectorClient>(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<BotFrameworkMessenger>();
        services.AddScoped<MessagesEndpoint>();
        services.AddScoped<IChannelOutbound, BotFrameworkOutbound>();
        return services;
    }

    public static IEndpointRouteBuilder MapBotFrameworkChannel(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context));
        return endpoints;
    }
}
