namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Decides which service URLs the bot may call and which may receive its token.
/// </summary>
/// <remarks>
/// A service URL is trusted when it came from an authenticated activity, because the channel
/// signed it in the token's <c>serviceurl</c> claim, or when its host is on the configured
/// allowlist. Plain http is trusted only for loopback hosts.
/// </remarks>
public interface IServiceUrlTrustPolicy
{
    /// <summary>
    /// Returns whether a request to this service URL may carry the bot's bearer token.
    /// Always <c>false</c> in local mode, where the bot has no token.
    /// </summary>
    /// <param name="serviceUrl">Base URL of the connector.</param>
    /// <param name="cameFromAuthenticatedActivity">
    /// Whether the URL was taken from an activity of the same conversation that passed
    /// <see cref="IChannelRequestAuthenticator"/> with <see cref="ChannelAuthenticationResult.IsAuthenticated"/>.
    /// </param>
    bool MayReceiveToken(Uri serviceUrl, bool cameFromAuthenticatedActivity);

    /// <summary>
    /// Returns whether the bot may send a request to this service URL at all. In local mode only
    /// loopback URLs qualify. Otherwise the rules of <see cref="MayReceiveToken"/> apply.
    /// </summary>
    bool MaySend(Uri serviceUrl, bool cameFromAuthenticatedActivity);
}
