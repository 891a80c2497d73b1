using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Log messages of Bot Framework authentication, event ids 1100 to 1199. They carry ids,
/// hosts and reason codes, never a token, secret or certificate password.
/// </summary>
internal static partial class BotFrameworkAuthenticationLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "Bot Framework authentication runs in local mode because MicrosoftAppId is empty. Only loopback requests without an Authorization header are accepted.")]
    public static partial void LocalModeEnabled(this ILogger logger);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Rejected channel request: {Reason}. Channel {ChannelId}, service URL host {ServiceUrlHost}, key id {KeyId}, token audience {TokenAudience}.")]
    public static partial void ChannelRequestRejected(
        this ILogger logger,
        ChannelAuthenticationFailure reason,
        string? channelId,
        string? serviceUrlHost,
        string? keyId,
        string? tokenAudience);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug,
        Message = "Authenticated channel request. Channel {ChannelId}, service URL host {ServiceUrlHost}, key id {KeyId}.")]
    public static partial void ChannelRequestAuthenticated(this ILogger logger, string channelId, string? serviceUrlHost, string keyId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Rejected local-mode request: {Reason}. Remote address {RemoteAddress}, channel {ChannelId}.")]
    public static partial void LocalRequestRejected(this ILogger logger, ChannelAuthenticationFailure reason, string? remoteAddress, string? channelId);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information,
        Message = "Fetched signing keys for {KeyIdCount} key ids from {MetadataUrl}.")]
    public static partial void SigningKeysRefreshed(this ILogger logger, int keyIdCount, Uri metadataUrl);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning,
        Message = "Failed to refresh the signing keys from {MetadataUrl}. Keeping the keys fetched at {RetrievedAt} and retrying after {RetryAfter}.")]
    public static partial void SigningKeysRefreshFailed(this ILogger logger, Exception exception, Uri metadataUrl, DateTimeOffset retrievedAt, DateTimeOffset retryAfter);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Error,
        Message = "Failed to fetch the signing keys from {MetadataUrl}, so channel requests are rejected. Retrying after {RetryAfter}.")]
    public static partial void SigningKeysUnavailable(this ILogger logger, Exception exception, Uri metadataUrl, DateTimeOffset retryAfter);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Information,
        Message = "Key id {KeyId} is not in the cached key set. Fetching the keys again.")]
    public static partial void RefreshingForUnknownKeyId(this ILogger logger, string keyId);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Debug,
        Message = "Key id {KeyId} is not in the cached key set, and the next forced refresh is allowed after {NextAllowed}.")]
    public static partial void SigningKeyRefreshRateLimited(this ILogger logger, string keyId, DateTimeOffset nextAllowed);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information,
        Message = "Connector tokens come from {CredentialKind} for app id {AppId} with authority {Authority}.")]
    public static partial void ConnectorCredentialConfigured(this ILogger logger, string credentialKind, string appId, string authority);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Debug,
        Message = "Acquired a connector token from {TokenSource}, valid until {ExpiresOn}.")]
    public static partial void ConnectorTokenAcquired(this ILogger logger, string tokenSource, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Warning,
        Message = "Failed to acquire a connector token (error {ErrorCode}, HTTP status {StatusCode}, correlation id {CorrelationId}). Retry {Attempt} of {MaxRetries} in {Delay}.")]
    public static partial void ConnectorTokenRetrying(
        this ILogger logger,
        Exception exception,
        string errorCode,
        int statusCode,
        string? correlationId,
        int attempt,
        int maxRetries,
        TimeSpan delay);

    [LoggerMessage(EventId = 1123, Level = LogLevel.Error,
        Message = "Failed to acquire a connector token (error {ErrorCode}, HTTP status {StatusCode}, correlation id {CorrelationId}).")]
    public static partial void ConnectorTokenFailed(this ILogger logger, Exception exception, string errorCode, int statusCode, string? correlationId);

    [LoggerMessage(EventId = 1124, Level = LogLevel.Warning,
        Message = "MicrosoftAppId {AppId} has no client credential: inbound tokens are validated, but replies to Teams will fail. Set MicrosoftAppPassword or a certificate.")]
    public static partial void ConnectorCredentialMissing(this ILogger logger, string appId);
}
