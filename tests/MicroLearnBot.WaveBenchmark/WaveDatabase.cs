using Microsoft.Data.Sqlite;
using Npgsql;

namespace MicroLearnBot.WaveBenchmark;

/// <summary>A fresh, empty database for one run, removed again when the run ends.</summary>
public abstract class WaveDatabase : IAsyncDisposable
{
    /// <summary>Name for the results table: SQLite or PostgreSQL.</summary>
    public abstract string Name { get; }

    /// <summary>The bot's storage settings for this database, as configuration keys and values.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    public abstract ValueTask DisposeAsync();

    /// <summary>Returns a new SQLite file in the temporary folder.</summary>
    public static WaveDatabase CreateSqlite() => new SqliteWaveDatabase(Path.Combine(Path.GetTempPath(), $"microlearnbot-wave-{Guid.NewGuid():N}.db"));

    /// <summary>Creates a new database on the server that <paramref name="connectionString"/> points at.</summary>
    public static async Task<WaveDatabase> CreatePostgresAsync(string connectionString)
    {
        var name = $"microlearnbot_wave_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var botConnection = new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
        return new PostgresWaveDatabase(connectionString, name, botConnection);
    }

    private sealed class SqliteWaveDatabase(string path) : WaveDatabase
    {
        public override string Name => "SQLite";

        public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:MicroLearn"] = $"Data Source={path}",
        };

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresWaveDatabase(string serverConnection, string name, string botConnection) : WaveDatabase
    {
        public override string Name => "PostgreSQL";

        public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:MicroLearn"] = botConnection,
        };

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(serverConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
