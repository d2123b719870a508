using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Cluster;

/// <summary>
/// Two real app processes on a PostgreSQL cluster and a Redis of their own, which these tests stop and start
/// again while the app runs.
/// </summary>
[Trait("Provider", "Postgres")]
public sealed class ClusterOutageTests : IAsyncLifetime
{
    private const string Password = "plum tractor orbit";

    private PrivatePostgres _postgres = null!;
    private PrivateRedis _redis = null!;
    private AppCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync();
        _redis = await PrivateRedis.StartAsync();
        _cluster = await AppCluster.StartAsync(TempContent.ShippedRoot, _postgres.Server, _redis.Configuration);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task With_redis_stopped_both_instances_serve_sign_in_and_save_and_healthz_says_so()
    {
        var jar = new CookieContainer();
        var (one, two) = (Browser(0, jar), Browser(1, jar));
        await one.AddAsync("chin-tucks", newRoutine: "Desk");
        var url = $"/routines/{one.RoutineId}";
        await one.RegisterAsync("bo@example.com", Password);
        await two.GetAsync(url);

        await _redis.StopAsync();

        using var anonymous = new HttpClient();
        foreach (var instance in _cluster.Instances)
        {
            using var home = await anonymous.GetAsync(new Uri(instance.Address, "/stretches/chin-tucks"));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            // The instance notices the closed connection as soon as it reads from it.
            await WaitForAsync(async () => (string?)(await HealthAsync(anonymous, instance))["status"] == "Degraded", $"{instance.Address} to notice Redis is gone");
            Assert.Contains("redis unreachable", (string?)(await HealthAsync(anonymous, instance))["checks"]!["redis"]!["description"], StringComparison.Ordinal);
        }

        // Signed out and in again, across the two instances, then a save on one read back on the other.
        await two.GetAsync("/account/logout");
        await two.SubmitAsync("main form[method=post]");
        await one.LoginAsync("bo@example.com", Password);
        await one.GetAsync(url);
        await one.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow), ("Input.Note", "saved while redis was down"));
        await two.GetAsync(url);
        Assert.Equal("1", two.Stat("total"));
        Assert.Contains("saved while redis was down", await _cluster.StoredNotesAsync());

        await _redis.StartAgainAsync();
        foreach (var instance in _cluster.Instances)
        {
            await WaitForAsync(async () => (string?)(await HealthAsync(anonymous, instance))["status"] == "Healthy", $"{instance.Address} to see Redis again");
        }
    }

    [Fact]
    public async Task Restarting_postgresql_under_load_answers_a_friendly_503_loses_no_acknowledged_write_and_recovers()
    {
        const int Writers = 6;
        var acknowledged = new ConcurrentBag<string>();
        var unavailable = new ConcurrentBag<string>();
        var other = new ConcurrentBag<string>();
        var restarted = false;
        var acknowledgedAfterRestart = 0;
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var client = new RoutineClient(new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _cluster.Instances[writer % 2].Address });
            await client.AddAsync("chin-tucks", newRoutine: $"Writer {writer}");
            var routine = client.RoutineId;
            var form = client.Page!.Form("form.done-form");
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var note = $"writer {writer} write {n}";
                using var response = await client.Http.SubmitAsync(form, ("Input.Date", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Input.Note", note));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == $"/routines/{routine}")
                {
                    acknowledged.Add(note);
                    if (Volatile.Read(ref restarted))
                    {
                        Interlocked.Increment(ref acknowledgedAfterRestart);
                    }
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    unavailable.Add(body);
                    await Task.Delay(50);
                }
                else
                {
                    other.Add($"{(int)response.StatusCode} {response.RequestMessage!.RequestUri}: {body[..Math.Min(body.Length, 300)]}");
                }
            }
        })).ToArray();

        await WaitForAsync(() => Task.FromResult(acknowledged.Count >= 100 || writers.Any(w => w.IsCompleted)), "100 acknowledged writes");
        await _postgres.StopAsync();
        // Each request retries for a few seconds first (a quick restart goes unnoticed), so a few 503s take a while.
        await WaitForAsync(() => Task.FromResult(unavailable.Count >= 3 || writers.Any(w => w.IsCompleted)), "requests to fail while PostgreSQL is down");
        await _postgres.StartAgainAsync();
        Volatile.Write(ref restarted, true);
        await WaitForAsync(() => Task.FromResult(Volatile.Read(ref acknowledgedAfterRestart) >= 100 || writers.Any(w => w.IsCompleted)), "100 writes acknowledged after the restart");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(other);
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, page =>
        {
            Assert.Contains("<h1>We’ll be back in a moment</h1>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", page, StringComparison.Ordinal);
        });
        var stored = await _cluster.StoredNotesAsync();
        var missing = acknowledged.Where(note => !stored.Contains(note)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged writes are not in PostgreSQL, e.g. {string.Join(", ", missing.Take(5))}");
    }

    private RoutineClient Browser(int instance, CookieContainer jar) =>
        new(new HttpClient(new SocketsHttpHandler { CookieContainer = jar }) { BaseAddress = _cluster.Instances[instance].Address });

    private static async Task<JsonNode> HealthAsync(HttpClient client, AppProcess instance) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri(instance.Address, "/healthz")))!;

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"waited 60 s for {what}");
            await Task.Delay(50);
        }
    }
}
