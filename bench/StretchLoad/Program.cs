using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

// stress  --url URL --db FILE [--writers 64] [--seconds 30]   many visitors posting "Mark done"; acks must equal rows
// crash   --url URL --acks FILE [--writers 16] [--seconds 10] [--tag T]  the same, writing each acknowledged note to FILE
// verify  --db FILE --acks FILE                               every acknowledged note stored, integrity ok
var options = Options.Parse(args);
return args.FirstOrDefault() switch
{
    "stress" => await Load.StressAsync(options),
    "crash" => await Load.CrashAsync(options),
    "verify" => await Load.VerifyAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: StretchLoad stress|crash|verify --url URL --db FILE --acks FILE [--writers N] [--seconds S]");
    return 2;
}

internal sealed record Options(Uri Url, string Db, string Acks, int Writers, int Seconds, string Tag)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        return new Options(new Uri(Get("--url", "http://127.0.0.1:5080")), Get("--db", ""), Get("--acks", ""), int.Parse(Get("--writers", "64"), CultureInfo.InvariantCulture), int.Parse(Get("--seconds", "30"), CultureInfo.InvariantCulture), Get("--tag", "w"));
    }
}

internal static partial class Load
{
    public static async Task<int> StressAsync(Options options)
    {
        var result = await RunWritersAsync(options, acks: null);
        var rows = await ScalarAsync(options.Db, "SELECT count(*) FROM Completions;");
        var integrity = await ScalarAsync(options.Db, "PRAGMA integrity_check;");
        Console.WriteLine($"writers={options.Writers} seconds={options.Seconds} acks={result.Acks} errors={result.Errors} rows={rows} rows_equal_acks={(rows == result.Acks.ToString(CultureInfo.InvariantCulture) ? "yes" : "NO")} integrity={integrity}");
        Console.WriteLine($"throughput={result.Acks / result.Elapsed.TotalSeconds:0.0}/s latency_ms p50={result.Percentile(0.50):0} p95={result.Percentile(0.95):0} p99={result.Percentile(0.99):0} max={result.Percentile(1):0}");
        foreach (var (status, count) in result.ErrorKinds.OrderByDescending(e => e.Value))
        {
            Console.WriteLine($"  error {status}: {count}");
        }

        return rows == result.Acks.ToString(CultureInfo.InvariantCulture) && result.Errors == 0 && integrity == "ok" ? 0 : 1;
    }

    public static async Task<int> CrashAsync(Options options)
    {
        await using var acks = new StreamWriter(options.Acks, append: false) { AutoFlush = true };
        var result = await RunWritersAsync(options, acks);
        Console.WriteLine($"writers={options.Writers} acks={result.Acks} errors={result.Errors} (errors are expected once the server is killed)");
        return 0;
    }

    public static async Task<int> VerifyAsync(Options options)
    {
        var acked = (await File.ReadAllLinesAsync(options.Acks)).Where(l => l.Length > 0).ToHashSet();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.Db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Note FROM Completions WHERE Note IS NOT NULL;";
        var stored = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        command.CommandText = "PRAGMA integrity_check;";
        var integrity = (string?)await command.ExecuteScalarAsync();
        var missing = acked.Count(a => !stored.Contains(a));
        Console.WriteLine($"acknowledged={acked.Count} present={acked.Count - missing} missing={missing} stored_but_unacknowledged={stored.Count(s => !acked.Contains(s))} rows={stored.Count} integrity={integrity}");
        return missing == 0 && integrity == "ok" && acked.Count > 0 ? 0 : 1;
    }

    private static async Task<Result> RunWritersAsync(Options options, StreamWriter? acks)
    {
        var result = new Result();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(options.Seconds);
        var ackLock = new Lock();
        await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(async writer =>
        {
            using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
            var (routine, token) = await SetUpAsync(client, writer);
            var unreachableSince = (TimeSpan?)null;
            for (var n = 0; clock.Elapsed < deadline; n++)
            {
                var note = $"{options.Tag}-{writer}-{n}";
                var started = clock.Elapsed;
                try
                {
                    using var response = await client.PostAsync($"/routines/{routine}/done", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["Input.Date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["Input.Stretches"] = "chin-tucks",
                        ["Input.Note"] = note,
                    }));
                    unreachableSince = null;
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        result.Ack(clock.Elapsed - started);
                        if (acks is not null)
                        {
                            lock (ackLock)
                            {
                                acks.WriteLine(note);
                            }
                        }
                    }
                    else
                    {
                        result.Error(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    result.Error(ex.GetType().Name);
                    // Once the server is gone (killed by the crash test) for a second, stop.
                    unreachableSince ??= clock.Elapsed;
                    if (clock.Elapsed - unreachableSince > TimeSpan.FromSeconds(1))
                    {
                        return;
                    }

                    await Task.Delay(50);
                }
            }
        }));
        result.Elapsed = clock.Elapsed;
        return result;
    }

    /// <summary>A visitor's first save makes a guest with a routine; returns it and a token for the signed-in guest.</summary>
    private static async Task<(int Routine, string Token)> SetUpAsync(HttpClient client, int writer)
    {
        var token = Token(await client.GetStringAsync("/routines/add/chin-tucks"));
        using var created = await client.PostAsync("/routines/add/chin-tucks", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["RoutineId"] = "0",
            ["NewName"] = $"Writer {writer}",
        }));
        var location = created.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Creating a routine answered {(int)created.StatusCode}.");
        var routine = int.Parse(location.Split('/', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (routine, Token(await client.GetStringAsync($"/routines/{routine}")));
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    private static async Task<string?> ScalarAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed class Result
    {
        private readonly Lock _lock = new();
        private readonly List<double> _latencies = [];

        public int Acks { get; private set; }

        public int Errors { get; private set; }

        public Dictionary<string, int> ErrorKinds { get; } = [];

        public TimeSpan Elapsed { get; set; }

        public void Ack(TimeSpan latency)
        {
            lock (_lock)
            {
                Acks++;
                _latencies.Add(latency.TotalMilliseconds);
            }
        }

        public void Error(string kind)
        {
            lock (_lock)
            {
                Errors++;
                ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
            }
        }

        public double Percentile(double p)
        {
            var sorted = _latencies.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
        }
    }
}
