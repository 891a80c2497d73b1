using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Storage;

/// <summary>Creates or migrates the database schema at start-up, before the host accepts requests or runs jobs.</summary>
public sealed partial class DatabaseInitializer(IServiceScopeFactory scopes, DatabaseReadiness readiness, ILogger<DatabaseInitializer> logger) : IHostedService
{
    /// <summary>Key of the PostgreSQL advisory lock that lets one instance at a time migrate a shared database.</summary>
    private const long MigrationLockKey = 0x4D4C_4254_6D69_6772;

    // SQLITE_CANTOPEN and SQLITE_READONLY: the file or its folder cannot be opened or written.
    private const int SqliteCannotOpen = 14;
    private const int SqliteReadOnly = 8;

    /// <summary>Creates or migrates the schema unless that is done already.</summary>
    /// <exception cref="InvalidSettingsException">The database server cannot be reached or rejects the user.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (readiness.IsReady)
        {
            return;
        }

        try
        {
            await PrepareAsync(cancellationToken);
        }
        catch (Exception exception) when (ConnectionFailureIn(exception) is { } failure)
        {
            // The server is down, unreachable or rejects the user. That is for the operator to check, not a fault in
            // the bot, so start-up ends with one line rather than a stack trace.
            throw new InvalidSettingsException(
                $"The database cannot be opened ({failure.Message}). Check ConnectionStrings:MicroLearn and that the database server runs and accepts this user.",
                exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // EF Core's execution strategy wraps a failure it considers transient, so the chain of inner exceptions is searched.
    private static Exception? ConnectionFailureIn(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (IsConnectionFailure(current))
            {
                return current;
            }
        }

        return null;
    }

    private static bool IsConnectionFailure(Exception exception) => exception switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState is Npgsql.PostgresErrorCodes.InvalidPassword
            or Npgsql.PostgresErrorCodes.InvalidAuthorizationSpecification or Npgsql.PostgresErrorCodes.InvalidCatalogName,
        Npgsql.NpgsqlException npgsql => npgsql.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is SqliteCannotOpen or SqliteReadOnly,
        _ => false,
    };

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
        LogStarting(logger, db.Database.ProviderName);

        // Several instances may start together on one empty PostgreSQL database. The lock is held on one open
        // connection that the migrations use too, so the second instance finds the schema done instead of
        // failing on tables and indexes that already exist.
        var isPostgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        if (isPostgres)
        {
            await EnsurePostgresDatabaseAsync(db, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        List<string> pending;
        try
        {
            if (isPostgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            }

            // Applies the provider's pending migrations; a new database gets the whole schema.
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            // Closing the connection releases the session lock too, so a failed unlock must not hide the first error.
            if (isPostgres)
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
                }
                catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
                {
                    LogUnlockFailed(logger, exception);
                }
            }

            await db.Database.CloseConnectionAsync();
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets the sweep write while requests read.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        readiness.MarkReady();
        LogReady(logger, pending.Count);
    }

    /// <summary>
    /// Creates a missing PostgreSQL database, as migrating would, because the migration lock needs an open
    /// connection to it first. Another instance creating it at the same moment is fine.
    /// </summary>
    private static async Task EnsurePostgresDatabaseAsync(MicroLearnDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by an instance that started at the same time.
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Preparing database ({Provider})")]
    private static partial void LogStarting(ILogger logger, string? provider);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Releasing the migration lock failed; closing the connection releases it")]
    private static partial void LogUnlockFailed(ILogger logger, Exception exception);

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
