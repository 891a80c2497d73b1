using Npgsql;

namespace MicroLearnBot.Tests.Support;

/// <summary>
/// The PostgreSQL server that <c>scripts/test.sh</c> starts for the test run. Each test gets its own database.
/// </summary>
public static class TestPostgres
{
    public const string VariableName = "MICROLEARNBOT_TEST_POSTGRES";

    public static async Task<string> CreateDatabaseAsync()
    {
        var serverConnectionString = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            throw new InvalidOperationException(
                $"{VariableName} is not set. Run the tests with scripts/test.sh, which starts a private PostgreSQL server and sets it.");
        }

        var name = $"microlearnbot_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }
}
