namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Reason a channel request was rejected, for logs and metrics. None of the values carries token content.
/// </summary>
public enum ChannelAuthenticationFailure
{
    /// <summary>The request was accepted.</summary>
    None,

    /// <summary>An app id is configured and the request has no <c>Authorization</c> header.</summary>
    MissingAuthorizationHeader,

    /// <summary>The header is not <c>Bearer</c> followed by one token.</summary>
    InvalidAuthorizationHeader,

    /// <summary>The bearer value is not a readable JWT, or it has no key id (<c>kid</c>).</summary>
    MalformedToken,

    /// <summary>The <c>iss</c> claim differs from <c>ToBotFromChannelTokenIssuer</c>.</summary>
    InvalidIssuer,

    /// <summary>The <c>alg</c> header is not RS256, RS384 or RS512.</summary>
    InvalidAlgorithm,

    /// <summary>The key id is not in the channel's key set, even after one refresh.</summary>
    SigningKeyNotFound,

    /// <summary>The signature does not verify with the key named by the key id.</summary>
    InvalidSignature,

    /// <summary>The token expired more than the 5-minute clock skew ago.</summary>
    Expired,

    /// <summary>The token becomes valid more than the 5-minute clock skew from now.</summary>
    NotYetValid,

    /// <summary>The token has no expiry or an otherwise invalid lifetime.</summary>
    InvalidLifetime,

    /// <summary>The token failed another IdentityModel check.</summary>
    InvalidToken,

    /// <summary>The <c>aud</c> claim is not the configured <c>MicrosoftAppId</c>.</summary>
    InvalidAudience,

    /// <summary>The signing key's <c>endorsements</c> do not contain the activity's channel id.</summary>
    ChannelNotEndorsed,

    /// <summary>The token has no <c>serviceurl</c> claim.</summary>
    MissingServiceUrlClaim,

    /// <summary>The <c>serviceurl</c> claim differs from the activity's service URL.</summary>
    ServiceUrlMismatch,

    /// <summary>The OpenID metadata or key set could not be fetched and no earlier copy exists.</summary>
    SigningKeysUnavailable,

    /// <summary>Local mode and the request did not come from a loopback address.</summary>
    NotLoopback,

    /// <summary>Local mode and the request has an <c>Authorization</c> header, which cannot be validated without an app id.</summary>
    AuthorizationHeaderInLocalMode,
}
