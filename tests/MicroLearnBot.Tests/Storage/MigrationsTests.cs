using MicroLearnBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Tests.Storage;

/// <summary>The committed migrations must describe the current model, for both providers.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrationsMatchModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed; add a migration: dotnet ef migrations add <Name> --project bot/MicroLearnBot --context SqliteMicroLearnDbContext --output-dir Storage/Migrations/Sqlite");
    }

    [Fact]
    public void PostgresMigrationsMatchModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed; add a migration: dotnet ef migrations add <Name> --project bot/MicroLearnBot --context PostgresMicroLearnDbContext --output-dir Storage/Migrations/Postgres");
    }
}
