using MicroLearnBot.Channels.BotFramework.Connector;

namespace MicroLearnBot.Tests.Channels;

public sealed class TenantRateLimiterTests
{
    [Fact]
    public async Task TenantWaitsAfterItsBudget()
    {
        using var limiter = new TenantRateLimiter(requestsPerSecond: 5);
        var leases = new List<System.Threading.RateLimiting.RateLimitLease>();
        for (var i = 0; i < 5; i++)
        {
            var immediate = limiter.AcquireAsync("tenant-a", CancellationToken.None);
            Assert.True(immediate.IsCompleted, $"Request {i + 1} of 5 should not wait.");
            leases.Add(await immediate);
        }

        var sixth = limiter.AcquireAsync("tenant-a", CancellationToken.None);
        var otherTenant = limiter.AcquireAsync("tenant-b", CancellationToken.None);

        Assert.False(sixth.IsCompleted);
        Assert.True(otherTenant.IsCompleted);
        using var waited = await sixth.AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(waited.IsAcquired);
        leases.ForEach(lease => lease.Dispose());
        (await otherTenant).Dispose();
    }
}
