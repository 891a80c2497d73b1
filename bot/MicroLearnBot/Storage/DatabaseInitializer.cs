using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Storage;

/// <summary>Creates the database schema at start-up, before the host accepts requests or runs jobs.</summary>
public sealed partial class DatabaseInitializer(IServiceScopeFactory scopes, DatabaseReadiness readiness, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
        LogStarting(logger, db.Database.ProviderName);

        // NOTE: EnsureCreated builds the current schema on an empty database but does not alter an existing one;
        // a schema change needs EF Core migrations before the first production install.
        var created = await db.Database.EnsureCreatedAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the sweep write while requests read.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        readiness.MarkReady();
        LogReady(logger, created);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Preparing database ({Provider})")]
    private static partial void LogStarting(ILogger logger, string? provider);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Database ready (created now: {Created})")]
    private static partial void LogReady(ILogger logger, bool created);
}

/// <summary>Set once the schema exists; the health endpoint reports ready only then.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool _isReady;

    public bool IsReady => _isReady;

    public void MarkReady() => _isReady = true;
}
