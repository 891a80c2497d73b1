using System.Net;

namespace MicroLearnBot.Channels.BotFramework.Connector;

/// <summary>
/// The outcome of one Bot Connector call: the status, Teams's error code from <c>{"error":{"code"}}</c>, and
/// <c>Retry-After</c> when the service sent one.
/// </summary>
public sealed record ConnectorResult(HttpStatusCode? StatusCode, string? ErrorCode, TimeSpan? RetryAfter, string? ActivityId, string? Body = null)
{
    public bool Succeeded => StatusCode is { } status && (int)status is >= 200 and < 300;

    /// <summary>No request was made because the service URL is not trusted for this conversation.</summary>
    public static ConnectorResult Untrusted { get; } = new(null, "UntrustedServiceUrl", null, null);

    /// <summary>No request was made because the activity exceeds the message size budget.</summary>
    public static ConnectorResult TooLarge { get; } = new(HttpStatusCode.RequestEntityTooLarge, "MessageSizeBudgetExceeded", null, null);

    /// <summary>The request failed before a response arrived (connection refused, timeout).</summary>
    public static ConnectorResult NetworkFailure(string reason) => new(null, reason, null, null);

    public ConnectorFailureKind FailureKind => StatusCode switch
    {
        null when ErrorCode == Untrusted.ErrorCode => ConnectorFailureKind.Permanent,
        null => ConnectorFailureKind.Transient,
        { } status when (int)status is >= 200 and < 300 => ConnectorFailureKind.None,

        // Teams documents these as throttling, concurrent operations or service trouble: retry with backoff.
        // A 500 is retried too, so a short incident during the morning wave does not cost learners their day.
        HttpStatusCode.TooManyRequests => ConnectorFailureKind.Throttled,
        HttpStatusCode.PreconditionFailed or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            => ConnectorFailureKind.Transient,

        // Blocked by the user or an admin, not installed, or the conversation is gone: stop until they return.
        HttpStatusCode.Forbidden or HttpStatusCode.NotFound => ConnectorFailureKind.Unreachable,
        _ => ConnectorFailureKind.Permanent,
    };
}

public enum ConnectorFailureKind
{
    None,

    /// <summary>429: wait for <c>Retry-After</c>, or back off with jitter when it is absent.</summary>
    Throttled,

    /// <summary>412, 500, 502, 503, 504 or a network failure: back off and retry, a bounded number of times.</summary>
    Transient,

    /// <summary>403 or 404: the learner cannot be reached; retrying would not help.</summary>
    Unreachable,

    /// <summary>Anything else (400, 401, 413, untrusted URL): a bug or configuration error, not retried.</summary>
    Permanent,
}
