using MicroLearnBot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroLearnBot.Hosting;

/// <summary>Healthy once the database schema exists; the outbox and handlers need nothing else to start.</summary>
public sealed class ReadinessHealthCheck(DatabaseReadiness database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(database.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Database is not ready yet."));

    /// <summary>Writes the overall status as plain text with its charset, as every response of the bot declares one.</summary>
    public static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
    }
}
