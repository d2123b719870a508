using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class DatabaseStartupTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_app_starts_on_an_empty_data_folder_and_creates_a_WAL_database()
    {
        Assert.False(File.Exists(_factory.DatabasePath));

        using var response = await _factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(_factory.DatabasePath));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
        Assert.Equal(await AllMigrationsAsync(), await AppliedMigrationsAsync());
    }

    [Fact]
    public async Task The_app_upgrades_a_database_made_by_the_previous_migration()
    {
        var all = await AllMigrationsAsync();
        var previous = all.Count > 1 ? all[^2] : Migration.InitialDatabase;
        Directory.CreateDirectory(Path.GetDirectoryName(_factory.DatabasePath)!);
        await using (var db = NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(previous);
        }

        Assert.Equal(all.Take(all.Count - 1), await AppliedMigrationsAsync());

        using var response = await _factory.CreateClient().GetAsync("/routines");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(all, await AppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_corrupt_database_file_gives_one_clear_line()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_factory.DatabasePath)!);
        await File.WriteAllTextAsync(_factory.DatabasePath, "this is not a database, just text that happens to be long enough to fill a header page");
        var services = new ServiceCollection().AddLogging()
            .AddAppData(new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Default", _factory.ConnectionString)]).Build(), Path.GetTempPath())
            .BuildServiceProvider();

        var problem = await services.PrepareDatabaseAsync();

        Assert.NotNull(problem);
        Assert.StartsWith($"Database at '{_factory.DatabasePath}' could not be prepared: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    private AppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_factory.ConnectionString).Options);

    private async Task<List<string>> AllMigrationsAsync()
    {
        await using var db = NewContext();
        return [.. db.Database.GetMigrations()];
    }

    private async Task<List<string>> AppliedMigrationsAsync()
    {
        await using var db = NewContext();
        return [.. await db.Database.GetAppliedMigrationsAsync()];
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
