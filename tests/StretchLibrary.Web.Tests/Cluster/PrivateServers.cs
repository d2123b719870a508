using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StretchLibrary.Web.Tests.Cluster;

/// <summary>
/// A Redis server of the test's own, on a free loopback port, that the test may stop and start again (the shared
/// one tests/run starts serves every other test at the same time, so it is never stopped).
/// </summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stretchlibrary-redis-").FullName;
    private Process? _server;

    public int Port { get; } = PrivateServer.FreePort();

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<PrivateRedis> StartAsync()
    {
        var redis = new PrivateRedis();
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await PrivateServer.WaitForPortAsync(Port, () => _server.HasExited, "redis-server");
    }

    public async Task StopAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// A PostgreSQL 15 cluster of the test's own (initdb, pg_ctl; as the postgres user when the tests run as root, since
/// initdb refuses root), so a test can restart it under load without disturbing the shared server.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private readonly string _folder;

    private PrivatePostgres()
    {
        _folder = Directory.CreateTempSubdirectory("stretchlibrary-postgres-").FullName;
    }

    public int Port { get; } = PrivateServer.FreePort();

    /// <summary>An Npgsql connection string without a database name.</summary>
    public string Server => $"Host=127.0.0.1;Port={Port};Username=postgres";

    private string Data => Path.Join(_folder, "data");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var postgres = new PrivatePostgres();
        try
        {
            if (Environment.UserName == "root")
            {
                await PrivateServer.RunAsync("chown", "postgres:", postgres._folder);
            }

            await PgAsync("initdb", "-D", postgres.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
            await postgres.StartAgainAsync();
            return postgres;
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    public Task StartAgainAsync() =>
        PgAsync("pg_ctl", "-D", Data, "-l", Path.Join(_folder, "server.log"), "-w", "-s", "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>A fast shutdown: open connections are cut, transactions in flight roll back.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "-s", "stop");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Join(Data, "postmaster.pid")))
        {
            await StopAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static Task PgAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? PrivateServer.RunAsync("runuser", ["-u", "postgres", "--", Path.Join(Binaries, tool), .. arguments])
            : PrivateServer.RunAsync(Path.Join(Binaries, tool), arguments);
}

internal static class PrivateServer
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    public static async Task WaitForPortAsync(int port, Func<bool> exited, string what)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (!exited() && watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
    }
}
