using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Storage;

/// <summary>Creates or migrates the database schema at start-up, before the host accepts requests or runs jobs.</summary>
public sealed partial class DatabaseInitializer(IServiceScopeFactory scopes, DatabaseReadiness readiness, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
        LogStarting(logger, db.Database.ProviderName);

        // Applies the provider's pending migrations; a new database gets the whole schema.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the sweep write while requests read.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        readiness.MarkReady();
        LogReady(logger, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Preparing database ({Provider})")]
    private static partial void LogStarting(ILogger logger, string? provider);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Database ready; applied {MigrationCount} migrations")]
    private static partial void LogReady(ILogger logger, int migrationCount);
}

/// <summary>Set once the schema exists; the health endpoint reports ready only then.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool _isReady;

    public bool IsReady => _isReady;

    public void MarkReady() => _isReady = true;
}
