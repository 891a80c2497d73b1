using System.Security.Claims;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Outcome of authenticating one channel request: a validated token, an accepted local-mode
/// request, or a failure with its reason.
/// </summary>
public sealed class ChannelAuthenticationResult
{
    private ChannelAuthenticationResult(ChannelAuthenticationFailure failure, bool isLocal, ClaimsIdentity? identity, string? appId)
    {
        Failure = failure;
        IsLocal = isLocal;
        Identity = identity;
        AppId = appId;
    }

    /// <summary>Whether the request may be processed.</summary>
    public bool Succeeded => Failure == ChannelAuthenticationFailure.None;

    /// <summary>Whether the request carried a channel token that passed every check.</summary>
    public bool IsAuthenticated => Succeeded && !IsLocal;

    /// <summary>Whether the request was accepted in local mode, without a token.</summary>
    public bool IsLocal { get; }

    /// <summary>Claims of the validated token, or <c>null</c> unless <see cref="IsAuthenticated"/>.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>The token's audience, which equals the configured <c>MicrosoftAppId</c>, or <c>null</c> unless <see cref="IsAuthenticated"/>.</summary>
    public string? AppId { get; }

    /// <summary>Reason for rejection, or <see cref="ChannelAuthenticationFailure.None"/>.</summary>
    public ChannelAuthenticationFailure Failure { get; }

    /// <summary>Name of <see cref="Failure"/> for logs, or <c>null</c> when the request succeeded.</summary>
    public string? FailureReason => Succeeded ? null : Failure.ToString();

    internal static ChannelAuthenticationResult Authenticated(ClaimsIdentity identity, string appId) =>
        new(ChannelAuthenticationFailure.None, isLocal: false, identity, appId);

    internal static ChannelAuthenticationResult Local() =>
        new(ChannelAuthenticationFailure.None, isLocal: true, identity: null, appId: null);

    internal static ChannelAuthenticationResult Failed(ChannelAuthenticationFailure failure)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(failure, ChannelAuthenticationFailure.None);
        return new(failure, isLocal: false, identity: null, appId: null);
    }
}
