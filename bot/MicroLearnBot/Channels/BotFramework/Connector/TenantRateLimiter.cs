using System.Threading.RateLimiting;

namespace MicroLearnBot.Channels.BotFramework.Connector;

/// <summary>
/// Paces connector calls per tenant below Teams's limit for one app in one tenant. Microsoft's rate-limit page
/// gives 50 requests per second (an older version gave 30), so the default of 30 leaves headroom for replies
/// while a morning wave is sent. Waiting here is cheaper than a 429 and its Retry-After.
/// </summary>
public sealed class TenantRateLimiter : IDisposable
{
    public const string SettingName = "BotFramework:TenantRequestsPerSecond";

    /// <summary>Requests per second per tenant unless <c>BotFramework:TenantRequestsPerSecond</c> says otherwise.</summary>
    public const int DefaultRequestsPerSecond = 30;

    private readonly PartitionedRateLimiter<string> _limiter;

    public TenantRateLimiter(int requestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        _limiter = PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = requestsPerSecond,
            TokensPerPeriod = requestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Waits until the tenant may make one more request.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string? tenantId, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(tenantId ?? "", 1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
