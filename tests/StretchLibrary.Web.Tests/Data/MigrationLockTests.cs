using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class MigrationLockTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(false)] // killed while creating the database
    [InlineData(true)] // killed while upgrading a database that was already migrated
    public async Task A_lock_left_by_a_killed_process_does_not_stop_the_app_starting(bool migrated)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_factory.DatabasePath)!);
        if (migrated)
        {
            await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_factory.ConnectionString).Options);
            await db.Database.MigrateAsync();
        }

        await ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS "{MigrationLock.Table}" ("Id" INTEGER NOT NULL CONSTRAINT "PK_{MigrationLock.Table}" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "{MigrationLock.Table}" ("Id", "Timestamp") VALUES (1, '{DateTimeOffset.UtcNow.AddMinutes(-3).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)}');
            """);
        var clock = Stopwatch.StartNew();

        var start = Task.Run(() => _factory.CreateClient().GetAsync("/healthz"));
        var first = await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(first == start, "the app did not start within 30 s");
        Assert.Equal(HttpStatusCode.OK, (await start).StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"start-up took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal("0", await ExecuteAsync($"SELECT count(*) FROM \"{MigrationLock.Table}\";"));
    }

    private async Task<string?> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
