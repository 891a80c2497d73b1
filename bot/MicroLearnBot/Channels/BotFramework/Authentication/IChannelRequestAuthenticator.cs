using System.Net;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Authenticates requests that a Bot Framework channel sends to the messaging endpoint.
/// </summary>
public interface IChannelRequestAuthenticator
{
    /// <summary>
    /// Validates the request's bearer token against the activity it carries.
    /// </summary>
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header, or <c>null</c> if absent.</param>
    /// <param name="remoteAddress">The connection's remote address, used only in local mode.</param>
    /// <param name="channelId">The activity's <c>channelId</c>, which the signing key must endorse.</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c>, which must equal the token's <c>serviceurl</c> claim.</param>
    /// <param name="cancellationToken">Cancels waiting for the signing keys.</param>
    /// <returns>
    /// A result whose <see cref="ChannelAuthenticationResult.Failure"/> gives the reason the request
    /// was rejected. Answer failures with 401, except <see cref="ChannelAuthenticationFailure.SigningKeysUnavailable"/>,
    /// which is a fault on the bot's side.
    /// </returns>
    Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        IPAddress? remoteAddress,
        string channelId,
        string serviceUrl,
        CancellationToken cancellationToken);
}
