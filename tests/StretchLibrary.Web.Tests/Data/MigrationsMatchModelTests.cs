using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Tests.Data;

/// <summary>
/// The app no longer has EF compare the model with the last migration's snapshot when it migrates (a quarter of a
/// second of every start, <c>AddAppData</c>); these make that comparison here, for both providers, so a model change
/// committed without its migration still fails before it ships. Neither needs a server (trait: run once).
/// </summary>
[Trait("Provider", "Sqlite")]
public sealed class MigrationsMatchModelTests
{
    [Fact]
    public void The_sqlite_migrations_hold_every_change_to_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no SQLite migration holds: add one (docs/operations.md, \"To add a migration\").");
    }

    [Fact]
    public void The_postgres_migrations_hold_every_change_to_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration holds: add one (docs/operations.md, \"To add a migration\").");
    }
}
