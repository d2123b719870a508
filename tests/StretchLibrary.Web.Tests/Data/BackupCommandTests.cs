using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class BackupCommandTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly LibraryFactory _factory = new();
    private readonly string _folder = Path.Join(Path.GetTempPath(), "stretchlibrary-tests", "backup-" + Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_taken_while_sessions_are_written_restores_into_a_fresh_app()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Backed up");
        await visitor.RegisterAsync("backup@example.com", Password);
        await visitor.GetAsync("/routines");
        var routine = await _factory.WithDbAsync(db => db.Routines.Select(r => r.Id).SingleAsync());
        await visitor.GetAsync($"/routines/{routine}");
        var target = Path.Join(_folder, "nested", "backup.db");
        var output = new StringWriter();
        var error = new StringWriter();

        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                await visitor.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow), ("Input.Note", $"session {i}"));
            }
        });
        await Task.Delay(300);
        var exit = await BackupCommand.RunAsync(_factory.ConnectionString, [target], output, error);
        await writes;

        Assert.True(exit == 0, error.ToString());
        Assert.Matches(@"^Backed up .+ to .+backup\.db \([\d,]+ bytes: 1 accounts, 1 routines, \d+ sessions\); integrity ok\.", output.ToString());
        Assert.False(File.Exists(target + ".partial"));
        var backedUp = int.Parse(await ScalarAsync(target, "SELECT count(*) FROM Completions;"), CultureInfo.InvariantCulture);
        Assert.InRange(backedUp, 0, 30);

        // Restore as the README says: with the app stopped, copy the backup over the database file.
        using var restored = new LibraryFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(restored.DatabasePath)!);
        File.Copy(target, restored.DatabasePath);
        var page = await new RoutineClient(restored.CreateClient()).LoginAsync("backup@example.com", Password);

        Assert.Equal("Backed up", page.QuerySelector(".routine-list a")!.TextContent);
        Assert.Contains($"done {backedUp} time", page.QuerySelector(".routine-list .card-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ok", await ScalarAsync(restored.DatabasePath, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task The_backup_verb_of_the_built_app_writes_a_checked_copy_and_replaces_an_old_one()
    {
        await new RoutineClient(_factory.CreateClient()).AddAsync("prone-w", newRoutine: "Posture");
        var target = Path.Join(_folder, "daily.db");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(target, "yesterday's backup");

        var (exit, output, error) = await RunAppAsync("backup", target);

        Assert.True(exit == 0, error);
        Assert.StartsWith($"Backed up {_factory.DatabasePath} to {target} (", output, StringComparison.Ordinal);
        Assert.Equal("1", await ScalarAsync(target, "SELECT count(*) FROM Routines;"));
    }

    [Fact]
    public async Task Backing_up_a_missing_database_says_so_in_one_line()
    {
        var (exit, output, error) = await RunAppAsync("backup", Path.Join(_folder, "never.db"));

        Assert.Equal(1, exit);
        Assert.Equal($"No database at '{_factory.DatabasePath}' to back up.", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task The_verb_without_a_target_prints_its_usage()
    {
        var error = new StringWriter();

        var exit = await BackupCommand.RunAsync(_factory.ConnectionString, [], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Equal("Usage: backup <target-file>", error.ToString().Trim());
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAppAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "StretchLibrary.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Default"] = _factory.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static async Task<string> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }
}
