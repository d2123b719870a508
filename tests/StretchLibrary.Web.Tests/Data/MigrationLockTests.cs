using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class MigrationLockTests : IDisposable
{
    private readonly LogCapture _log = new();
    private readonly LibraryFactory _factory;

    public MigrationLockTests() => _factory = new LibraryFactory { Log = _log };

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(false, 3)] // killed while creating the database
    [InlineData(true, 3)] // killed while upgrading a database that was already migrated
    [InlineData(true, 0)] // killed a moment ago: nobody holds the lock file, so the row is cleared at once
    public async Task A_lock_left_by_a_killed_process_does_not_stop_the_app_starting(bool migrated, int minutesAgo)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_factory.DatabasePath)!);
        if (migrated)
        {
            await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_factory.ConnectionString).Options);
            await db.Database.MigrateAsync();
        }

        var takenAt = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        await ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS "{MigrationLock.Table}" ("Id" INTEGER NOT NULL CONSTRAINT "PK_{MigrationLock.Table}" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "{MigrationLock.Table}" ("Id", "Timestamp") VALUES (1, '{takenAt}');
            """);

        // EF alone would wait on the row for ever: the bound only keeps a hang from holding up the run.
        var start = Task.Run(() => _factory.CreateClient().GetAsync("/healthz"));
        var first = await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.True(first == start, "the app did not start within 60 s");
        Assert.Equal(HttpStatusCode.OK, (await start).StatusCode);
        Assert.Equal("0", await ExecuteAsync($"SELECT count(*) FROM \"{MigrationLock.Table}\";"));
        // Cleared at once because nobody held the lock file, whatever the row's age: no wait, and the row named.
        Assert.Contains($"Cleared the migration lock taken at {takenAt} by a process that stopped while migrating", _log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for another process to finish migrating", _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_migrate_waits_for_the_first_instead_of_starting()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_factory.DatabasePath)!);
        // The first migrate, part way: it holds the lock file and EF's lock row.
        var first = new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await ExecuteAsync($"""
            CREATE TABLE "{MigrationLock.Table}" ("Id" INTEGER NOT NULL CONSTRAINT "PK_{MigrationLock.Table}" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "{MigrationLock.Table}" ("Id", "Timestamp") VALUES (1, '{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)}');
            """);
        using var output = new StringWriter();
        var error = new Messages();

        var second = Task.Run(() => MigrateCommand.RunAsync([$"--ConnectionStrings:Default={_factory.ConnectionString}", "--Database:Provider=Sqlite"], output, error));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!error.Text.Contains("Waiting for another process to finish migrating", StringComparison.Ordinal) && !second.IsCompleted)
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        Assert.False(second.IsCompleted, $"the second migrate ran while the first held the lock: {output}{error.Text}");
        Assert.Equal("0", await ExecuteAsync("SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory';"));
        await first.DisposeAsync(); // the first one ends (here without removing its row, as if killed)

        Assert.Equal(0, await second);
        Assert.Contains("is up to date", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("0", await ExecuteAsync($"SELECT count(*) FROM \"{MigrationLock.Table}\";"));
    }

    private string LockFile => _factory.DatabasePath + ".migrate-lock";

    /// <summary>What the command writes to stderr, readable while it runs.</summary>
    private sealed class Messages : StringWriter
    {
        private readonly Lock _lock = new();

        public string Text
        {
            get
            {
                lock (_lock)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_lock)
            {
                base.Write(buffer, index, count);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_lock)
            {
                base.WriteLine(value);
            }
        }
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
