using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MicroLearnBot.Storage;

/// <summary>The model on SQLite; its migrations live in <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteMicroLearnDbContext(DbContextOptions<SqliteMicroLearnDbContext> options) : MicroLearnDbContext(options);

/// <summary>The model on PostgreSQL; its migrations live in <c>Storage/Migrations/Postgres</c>.</summary>
public sealed class PostgresMicroLearnDbContext(DbContextOptions<PostgresMicroLearnDbContext> options) : MicroLearnDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the bot.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMicroLearnDbContext>
{
    public SqliteMicroLearnDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMicroLearnDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMicroLearnDbContext>
{
    public PostgresMicroLearnDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMicroLearnDbContext>().UseNpgsql("Host=localhost;Database=microlearnbot").Options);
}
