using System.Diagnostics;
using StretchLibrary.Web.Tests.Data;

namespace StretchLibrary.Web.Tests;

/// <summary>The built app started as a process (<c>dotnet StretchLibrary.Web.dll</c>) on a setting that cannot work.</summary>
[Trait("Provider", "Sqlite")]
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Path.Join(Path.GetTempPath(), "stretchlibrary-tests", "start-" + Guid.NewGuid().ToString("n"));

    public StartupFailureTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_missing_content_folder_ends_with_one_line_and_exit_code_1()
    {
        var run = await RunAppAsync(content: Path.Join(_folder, "no-such-content"));

        AssertOneLine(run, "Content folder not found: ");
    }

    [Fact]
    public async Task A_database_path_under_a_file_ends_with_one_line_and_exit_code_1()
    {
        var file = Path.Join(_folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file where the data folder should be");

        var run = await RunAppAsync(database: Path.Join(file, "app.db"));

        AssertOneLine(run, "Database at ");
    }

    [Fact]
    public async Task An_unwritable_database_folder_ends_with_one_line_and_exit_code_1()
    {
        // Root may write anywhere on disk, but nobody can create a folder under /proc.
        var run = await RunAppAsync(database: "/proc/stretchlibrary/app.db");

        AssertOneLine(run, "Database at '/proc/stretchlibrary/app.db' could not be prepared: ");
    }

    [Fact]
    public async Task A_corrupt_database_file_ends_with_one_line_and_exit_code_1()
    {
        var database = Path.Join(_folder, "corrupt.db");
        await File.WriteAllTextAsync(database, "this is not a database, just text that happens to be long enough to fill a header page");

        var run = await RunAppAsync(database: database);

        AssertOneLine(run, $"Database at '{database}' could not be prepared: ");
    }

    [Fact]
    public async Task No_public_origin_outside_Development_ends_with_one_line_and_exit_code_1()
    {
        var run = await RunAppAsync(settings: new() { ["App__PublicOrigin"] = "" });

        AssertOneLine(run, "App:PublicOrigin is not set: set it to the address people use for this site");
    }

    [Fact]
    public async Task A_public_origin_with_a_path_ends_with_one_line_and_exit_code_1()
    {
        var run = await RunAppAsync(settings: new() { ["App__PublicOrigin"] = "https://stretch.example.org/app" });

        AssertOneLine(run, "App:PublicOrigin must be an http or https address with no path or query");
    }

    [Fact]
    public async Task An_unknown_database_provider_ends_with_one_line_and_exit_code_1()
    {
        var run = await RunAppAsync(settings: new() { ["Database__Provider"] = "Oracle" });

        AssertOneLine(run, "Unknown Database:Provider 'Oracle'. Use Sqlite (the default) or Postgres.");
    }

    [Fact]
    public async Task A_bad_postgres_connection_string_ends_with_one_line_and_exit_code_1()
    {
        var run = await RunAppAsync(settings: new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = "Hots=nowhere;Prot=5432" });

        AssertOneLine(run, "ConnectionStrings:Default is not a valid PostgreSQL connection string: ");
    }

    [Fact]
    public async Task An_unreachable_postgres_server_ends_with_one_line_and_exit_code_1()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var run = await RunAppAsync(settings: new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = "Host=127.0.0.1;Port=1;Database=app;Username=app;Timeout=5" });

        AssertOneLine(run, "PostgreSQL database 'app' on 127.0.0.1:1 could not be prepared: ");
    }

    [Fact]
    public async Task A_database_with_a_damaged_table_ends_with_one_line_and_exit_code_1()
    {
        var database = Path.Join(_folder, "damaged.db");
        await DamagedDatabase.CreateAsync(database, "Routines");

        var run = await RunAppAsync(database: database);

        AssertOneLine(run, $"Database at '{database}' is damaged (PRAGMA quick_check: ");
    }

    [Fact]
    public async Task Redis_without_a_key_certificate_ends_with_one_line_and_exit_code_1()
    {
        // Nothing listens on port 1; the app must refuse before it tries: keys in Redis would be unencrypted.
        var run = await RunAppAsync(settings: new() { ["Redis__Configuration"] = "127.0.0.1:1" });

        AssertOneLine(run, "Redis:Configuration is set, so the data-protection keys are kept in Redis, where they must be encrypted: set DataProtection:CertificatePath");
    }

    [Fact]
    public async Task An_unreadable_key_certificate_ends_with_one_line_and_exit_code_1()
    {
        var notACertificate = Path.Join(_folder, "keys.pfx");
        await File.WriteAllTextAsync(notACertificate, "not a certificate");

        var run = await RunAppAsync(settings: new() { ["Redis__Configuration"] = "127.0.0.1:1", ["DataProtection__CertificatePath"] = notACertificate });

        AssertOneLine(run, $"DataProtection:CertificatePath '{notACertificate}' could not be read: ");
    }

    private static void AssertOneLine((int ExitCode, string Output, string Error) run, string prefix)
    {
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Output + run.Error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAppAsync(string? content = null, string? database = null, Dictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Join(AppContext.BaseDirectory, "StretchLibrary.Web.dll"), "--urls", "http://127.0.0.1:0" },
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Content__RootPath"] = content ?? TempContent.ShippedRoot,
                ["ConnectionStrings__Default"] = $"Data Source={database ?? Path.Join(_folder, "app.db")}",
                ["App__PublicOrigin"] = "https://stretch.example.org",
            },
        };
        foreach (var (name, value) in settings ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app did not stop within 60 s: it started although it should not have.");
        }

        return (process.ExitCode, await output, await error);
    }
}
