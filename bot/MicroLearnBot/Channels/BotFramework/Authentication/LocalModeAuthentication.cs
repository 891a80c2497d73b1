using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

// Placeholder contract until token validation lands: local mode only.
public interface IChannelRequestAuthenticator
{
    Task<ChannelAuthenticationResult> AuthenticateAsync(string? authorizationHeader, IPAddress? remoteAddress, string channelId, string serviceUrl, CancellationToken cancellationToken);
}

public sealed record ChannelAuthenticationResult(bool Succeeded, bool IsAuthenticated, string? FailureReason);

public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

public interface IServiceUrlTrustPolicy
{
    bool MaySend(Uri serviceUrl, bool cameFromAuthenticatedActivity);
}

public static class LocalModeAuthenticationExtensions
{
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IChannelRequestAuthenticator, LoopbackOnly>();
        services.AddSingleton<IConnectorTokenProvider, LoopbackOnly>();
        services.AddSingleton<IServiceUrlTrustPolicy, LoopbackOnly>();
        return services;
    }

    private sealed class LoopbackOnly : IChannelRequestAuthenticator, IConnectorTokenProvider, IServiceUrlTrustPolicy
    {
        public Task<ChannelAuthenticationResult> AuthenticateAsync(string? authorizationHeader, IPAddress? remoteAddress, string channelId, string serviceUrl, CancellationToken cancellationToken) =>
            Task.FromResult(remoteAddress is not null && IPAddress.IsLoopback(remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress)
                ? new ChannelAuthenticationResult(true, false, null)
                : new ChannelAuthenticationResult(false, false, "not-loopback"));

        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public bool MaySend(Uri serviceUrl, bool cameFromAuthenticatedActivity) => serviceUrl.IsLoopback;
    }
}
