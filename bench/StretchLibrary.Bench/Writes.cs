using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StretchLibrary.Bench;

/// <summary>
/// CLIENTS visitors, each with their own guest account and routine, post "Mark done" as fast as the app answers
/// for SECONDS. Prints acknowledged posts per second, errors, latency, and checks the rows in the database equal
/// the acknowledgements: DATABASE is the SQLite file, or an Npgsql connection string (<c>Host=...</c>) on PostgreSQL.
/// </summary>
internal static class Writes
{
    public static async Task<int> RunAsync(Uri baseUrl, string database, int clients, int seconds)
    {
        var visitors = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => PrepareAsync(baseUrl)));
        var before = CountRows(database);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var latencies = new List<double>[clients];
        long acknowledged = 0, errors = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(visitors.Select(async (visitor, index) =>
        {
            var mine = latencies[index] = [];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var status = await visitor.Browser.PostAsync($"/routines/{visitor.RoutineId}/done", ("Input.Date", today), ("Input.Stretches", "chin-tucks"));
                    if (status == HttpStatusCode.Redirect)
                    {
                        Interlocked.Increment(ref acknowledged);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rows = CountRows(database) - before;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"writes: clients={clients} seconds={elapsed:0.0} acknowledged={acknowledged} ack/s={acknowledged / elapsed:0} errors={errors} p50={Percentile(all, 0.50):0.0}ms p99={Percentile(all, 0.99):0.0}ms new_rows={rows} lost={acknowledged - rows}"));
        foreach (var visitor in visitors)
        {
            visitor.Browser.Dispose();
        }

        return errors == 0 && rows == acknowledged ? 0 : 1;
    }

    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<(Browser Browser, int RoutineId)> PrepareAsync(Uri baseUrl)
    {
        var browser = new Browser(baseUrl, followRedirects: false);
        await browser.GetAsync("/routines/add/chin-tucks");
        await browser.PostAsync("/routines/add/chin-tucks", ("RoutineId", "0"), ("NewName", "Load test"));
        var id = int.Parse(browser.LastUrl.AbsolutePath.Split('/')[2], CultureInfo.InvariantCulture);
        // The guest signed in just now: fetch a token issued for that identity.
        await browser.GetAsync($"/routines/{id}");
        return (browser, id);
    }

    private static long CountRows(string database)
    {
        using DbConnection connection = database.StartsWith("Host=", StringComparison.Ordinal)
            ? new NpgsqlConnection(database)
            : new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Completions\"";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
