using System.Diagnostics;
using System.Net;
using System.Text;

namespace StretchLibrary.Web.Tests.Cluster;

/// <summary>
/// A deployment of two real app processes (the built <c>StretchLibrary.Web.dll</c>, as <c>deploy/local-cluster</c>
/// runs it): one new PostgreSQL database on the throwaway server tests/run started, migrated once by the
/// <c>migrate</c> verb, instances started with <c>Database__MigrateOnStart=false</c>, one Redis, one content folder.
/// </summary>
public sealed class AppCluster : IAsyncDisposable
{
    private readonly string _database = "cluster_" + Guid.NewGuid().ToString("n");
    private readonly List<AppProcess> _instances = [];

    private readonly string _server;
    private readonly string _redis;

    private AppCluster(string contentRoot, string server, string redis)
    {
        ContentRoot = contentRoot;
        _server = server;
        _redis = redis;
    }

    public string ContentRoot { get; }

    public string ConnectionString => $"{_server};Database={_database}";

    public IReadOnlyList<AppProcess> Instances => _instances;

    /// <param name="server">A PostgreSQL server (no database named); tests/run's shared one unless given.</param>
    /// <param name="redis">A Redis configuration; tests/run's shared one unless given.</param>
    public static async Task<AppCluster> StartAsync(string contentRoot, string? server = null, string? redis = null)
    {
        var cluster = new AppCluster(
            contentRoot,
            server ?? LibraryFactory.PostgresServer,
            redis ?? System.Environment.GetEnvironmentVariable("STRETCHLIBRARY_TEST_REDIS")
                ?? throw new InvalidOperationException("STRETCHLIBRARY_TEST_REDIS is not set: run these tests through tests/run, which starts Redis."));
        try
        {
            var migrate = await AppProcess.RunToEndAsync(cluster.Environment(), "migrate");
            Assert.True(migrate.ExitCode == 0, $"migrate exited {migrate.ExitCode}: {migrate.Output}");
            for (var i = 0; i < 2; i++)
            {
                cluster._instances.Add(await AppProcess.StartAsync(cluster.Environment()));
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection($"{_server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Every completion note stored in the database.</summary>
    public async Task<HashSet<string>> StoredNotesAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Note\" FROM \"Completions\" WHERE \"Note\" IS NOT NULL";
        var notes = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Default"] = ConnectionString,
        ["Database__MigrateOnStart"] = "false",
        ["Redis__Configuration"] = _redis,
        ["DataProtection__CertificatePath"] = Caching.TestKeyCertificate.Path,
        ["Content__RootPath"] = ContentRoot,
        // Every instance listens on 127.0.0.1 (host filtering ignores the port).
        ["App__PublicOrigin"] = "http://127.0.0.1",
        // Plain HTTP on loopback, as behind nginx on one machine; every client here comes from 127.0.0.1 and
        // Redis counts limits across every test app, so the limits are raised (SharedRateLimitTests covers them).
        ["Security__HttpsOnly"] = "false",
        ["RateLimits__Writes__PermitLimit"] = "100000000",
        ["RateLimits__Guest__PermitLimit"] = "100000",
        ["RateLimits__Register__PermitLimit"] = "100000",
        ["RateLimits__Login__PermitLimit"] = "100000",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };
}

/// <summary>One app process on a loopback port of its own; its console output is kept for failure messages.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(Dictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{PrivateServer.FreePort()}");
        var instance = new AppProcess(Launch(environment, "--urls", address.OriginalString), address);
        instance.Capture();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(instance._process.HasExited, $"The app exited during start-up: {instance.Output}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"The app did not answer /healthz within 90 s: {instance.Output}");
            try
            {
                using var health = await probe.GetAsync(new Uri(address, "/healthz"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return instance;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }
    }

    public static async Task<(int ExitCode, string Output)> RunToEndAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        using var process = Launch(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    /// <summary>SIGKILL: no shutdown, no flushing; what was acknowledged must already be in the database.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Process Launch(Dictionary<string, string> environment, params string[] arguments)
    {
        var app = WebAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private void Capture()
    {
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The app as built beside these tests (same configuration), as tests/run's solution build leaves it.</summary>
    private static string WebAssembly()
    {
        var binFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = binFolder.Name;
        var configuration = binFolder.Parent!.Name;
        var root = Path.GetDirectoryName(TempContent.ShippedRoot)!;
        var app = Path.Join(root, "src", "StretchLibrary.Web", "bin", configuration, framework, "StretchLibrary.Web.dll");
        return File.Exists(app) ? app : throw new InvalidOperationException($"{app} is not built: build the solution first (tests/run does).");
    }
}
