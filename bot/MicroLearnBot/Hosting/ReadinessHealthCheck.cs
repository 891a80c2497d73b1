using MicroLearnBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroLearnBot.Hosting;

/// <summary>Healthy once the database schema exists; the outbox and handlers need nothing else to start.</summary>
public sealed class ReadinessHealthCheck(DatabaseReadiness database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(database.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Database is not ready yet."));
}
