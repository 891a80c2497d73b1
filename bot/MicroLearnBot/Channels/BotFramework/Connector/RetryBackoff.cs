namespace MicroLearnBot.Channels.BotFramework.Connector;

/// <summary>Exponential backoff with full jitter, capped, for connector retries that carry no Retry-After.</summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        var exponent = Math.Min(attempt, 16);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));

        // Half fixed, half random: spreads retries of many learners without ever retrying at once.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }

    /// <summary>Returns the wait before the next attempt: Retry-After when the service sent it, else backoff.</summary>
    public static TimeSpan NextDelay(ConnectorResult result, int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random) =>
        result.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero
            ? retryAfter
            : Delay(attempt, baseDelay, maxDelay, random);
}
