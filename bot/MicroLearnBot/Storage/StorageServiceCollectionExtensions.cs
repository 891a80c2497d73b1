using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MicroLearnBot.Storage;

/// <summary>Registers the database from <c>Storage:Provider</c> and <c>ConnectionStrings:MicroLearn</c>.</summary>
public static class StorageServiceCollectionExtensions
{
    public const string ConnectionStringName = "MicroLearn";

    /// <summary>The SQLite file used when no connection string is configured, relative to the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/microlearnbot.db";

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        services.AddSingleton(options);
        if (options.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidSettingsException(
                    "Storage:Provider is Postgres but ConnectionStrings:MicroLearn is empty; set it, for example 'Host=localhost;Database=microlearnbot;Username=bot;Password=...'.");
            }

            CheckPostgresConnectionString(connectionString);
            services.AddDbContext<MicroLearnDbContext, PostgresMicroLearnDbContext>(builder => builder.UseNpgsql(connectionString));
        }
        else
        {
            var sqlite = PrepareSqlite(connectionString ?? DefaultSqliteConnectionString);
            services.AddDbContext<MicroLearnDbContext, SqliteMicroLearnDbContext>(builder => builder.UseSqlite(sqlite));
        }

        // One instance, so Program can prepare the database before the host starts and the hosted service then
        // finds it ready.
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseInitializer>());
        services.AddSingleton<DatabaseReadiness>();
        return services;
    }

    /// <summary>
    /// Parses the connection string now, so a SQLite one left in place after switching the provider is reported as a
    /// setting to change rather than as a driver error when the database is first opened.
    /// </summary>
    private static void CheckPostgresConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidSettingsException(
                $"ConnectionStrings:MicroLearn is not a PostgreSQL connection string ({exception.Message}). Set it, for example 'Host=localhost;Database=microlearnbot;Username=bot;Password=...'.",
                exception);
        }
    }

    /// <summary>Creates the folder of the SQLite file, which SQLite itself will not do.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidSettingsException(
                $"ConnectionStrings:MicroLearn is not a SQLite connection string ({exception.Message}). Set it, for example 'Data Source=data/microlearnbot.db', or set Storage:Provider to Postgres.",
                exception);
        }

        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ConnectionString;
    }
}
