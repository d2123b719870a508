using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Cluster;

/// <summary>
/// Two real app processes on one PostgreSQL database and one Redis, a browser sending its requests to either in
/// turn (as nginx round-robin would). Runs once, in tests/run's PostgreSQL pass.
/// </summary>
[Trait("Provider", "Postgres")]
public sealed partial class ClusterTests : IAsyncLifetime
{
    private const string Password = "plum tractor orbit";

    private readonly TempContent _content = new TempContent().WithShippedContent();
    private AppCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await AppCluster.StartAsync(_content.Root);

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _content.Dispose();
    }

    [Fact]
    public async Task One_browser_alternating_between_instances_registers_adds_marks_done_and_signs_out_everywhere()
    {
        var jar = new CookieContainer();
        var (one, two) = (Browser(0, jar), Browser(1, jar));

        await one.AddAsync("chin-tucks", newRoutine: "Desk");
        var url = $"/routines/{one.RoutineId}";
        await two.RegisterAsync("ana@example.com", Password);
        await one.AddAsync("seated-cervical-rotation", routineId: int.Parse(url.Split('/')[2], CultureInfo.InvariantCulture));
        await two.GetAsync(url);
        Assert.Equal(["Chin tucks", "Seated cervical rotation"], two.ItemTitles());
        // The changes made on instance one are announced to two, and one may arrive after two stored the page: wait
        // until two answers from its cache rather than assume the first store held.
        await WaitForAsync(async () =>
        {
            await two.GetAsync(url);
            using var cached = await two.Http.GetAsync(url);
            return cached.Headers.Contains("Age");
        }, "instance two to keep the routine page");

        // Pub/sub reaches the other instance in well under a millisecond; the allowance is for a loaded machine.
        await one.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        await WaitForAsync(async () =>
        {
            await two.GetAsync(url);
            return two.Stat("total") == "1";
        }, "instance two's cached routine page to show the session");

        var copied = jar.GetCookieHeader(_cluster.Instances[0].Address);
        await two.GetAsync("/account/logout");
        await two.SubmitAsync("main form[method=post]");
        using var bare = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = _cluster.Instances[0].Address };
        await WaitForAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", copied);
            using var replayed = await bare.SendAsync(request);
            return replayed.StatusCode != HttpStatusCode.OK;
        }, "instance one to refuse the signed-out cookie");
    }

    [Fact]
    public async Task A_program_changed_on_one_instance_is_what_its_patient_sees_on_the_other()
    {
        // The clinician works on instance one; the patient's phone goes to instance two.
        var clinician = Browser(0, new CookieContainer());
        await clinician.RegisterAsync("pt@example.com", Password);
        await clinician.GetAsync("/clinic/profile");
        await clinician.SubmitAsync("main form[method=post]", ("Input.DisplayName", "Dr Ana Lima, PT"), ("Input.ClinicName", "Riverside Physio"));
        await clinician.GetAsync("/clinic/programs/new");
        await clinician.SubmitAsync("main form[method=post]", ("Name", "Neck, weeks 1-2"), ("WeeklyTarget", 5));
        var programId = clinician.RoutineId;
        await clinician.AddAsync("chin-tucks", routineId: programId);
        await clinician.GetAsync($"/clinic/programs/{programId}/invite");
        var invitation = await clinician.SubmitAsync("main form[method=post]", ("PatientName", "Jane D."), ("Days", 14));
        var link = new Uri(((AngleSharp.Html.Dom.IHtmlInputElement)invitation.QuerySelector("#invitation-url")!).Value);

        var patient = Browser(1, new CookieContainer());
        await patient.GetAsync(link.PathAndQuery);
        await patient.SubmitAsync("form.join-form");
        var url = new Uri(patient.Page!.Url).AbsolutePath;
        Assert.Equal(["Chin tucks"], patient.ItemTitles());
        // The page after joining carries a one-time message and is not kept; the next one is.
        await WaitForAsync(async () =>
        {
            using var cached = await patient.Http.GetAsync(url);
            return cached.Headers.Contains("Age");
        }, "instance two to keep the patient's routine page");

        await clinician.AddAsync("seated-cervical-rotation", routineId: programId);

        // The change reaches the follower's routine in the same save; pub/sub tells instance two to forget its copy.
        await WaitForAsync(async () =>
        {
            await patient.GetAsync(url);
            return patient.ItemTitles().Length == 2;
        }, "instance two's cached routine page to show the changed program");
        Assert.Equal(["Chin tucks", "Seated cervical rotation"], patient.ItemTitles());
        Assert.StartsWith("Updated on", patient.Page!.QuerySelector(".program-updated")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("Added Seated cervical rotation.", patient.Page.QuerySelector(".program-updated")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_edited_while_both_run_is_served_by_both()
    {
        using var client = new HttpClient();
        foreach (var instance in _cluster.Instances)
        {
            Assert.Contains("<h1>Chin tucks</h1>", await client.GetStringAsync(new Uri(instance.Address, "/stretches/chin-tucks")), StringComparison.Ordinal);
        }

        var file = Path.Join(_content.Root, "stretches", "neck", "chin-tucks.md");
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("title: Chin tucks\n", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text.Replace("title: Chin tucks\n", "title: Chin tucks at the desk\n", StringComparison.Ordinal));

        foreach (var instance in _cluster.Instances)
        {
            var watch = Stopwatch.StartNew();
            string page;
            do
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{instance.Address} still serves the old title after 30 s");
                await Task.Delay(100);
                page = await client.GetStringAsync(new Uri(instance.Address, "/stretches/chin-tucks"));
            }
            while (!page.Contains("<h1>Chin tucks at the desk</h1>", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Killing_one_instance_during_a_write_load_loses_no_acknowledged_write()
    {
        const int Writers = 8;
        var acknowledged = new ConcurrentBag<(string Note, bool AfterKill)>();
        var failed = 0;
        var killed = false;
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var jar = new CookieContainer();
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };
            var (routine, token) = await GuestRoutineAsync(http, writer);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                // Round-robin: every other request goes to the instance that will be killed.
                var instance = _cluster.Instances[n % 2];
                var note = $"writer {writer} write {n}";
                try
                {
                    using var response = await http.PostAsync(new Uri(instance.Address, $"/routines/{routine}/done"), new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["Input.Date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["Input.Stretches"] = "chin-tucks",
                        ["Input.Note"] = note,
                    }));
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add((note, Volatile.Read(ref killed)));
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    // The killed instance: refused or cut off mid-request; not acknowledged, so nothing is promised.
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();

        await WaitForAsync(() => acknowledged.Count >= 200 || writers.Any(w => w.IsCompleted), "200 acknowledged writes");
        await _cluster.Instances[0].KillAsync();
        Volatile.Write(ref killed, true);
        await WaitForAsync(() => acknowledged.Count(a => a.AfterKill) >= 200 || writers.Any(w => w.IsCompleted), "200 writes acknowledged after the kill");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var stored = await _cluster.StoredNotesAsync();
        var missing = acknowledged.Where(a => !stored.Contains(a.Note)).Select(a => a.Note).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged writes are not in PostgreSQL, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.True(acknowledged.Count(a => a.AfterKill) >= 200, "the surviving instance stopped acknowledging writes");
        Assert.True(failed > 0, "no request reached the killed instance");
    }

    private RoutineClient Browser(int instance, CookieContainer jar) =>
        new(new HttpClient(new SocketsHttpHandler { CookieContainer = jar }) { BaseAddress = _cluster.Instances[instance].Address });

    /// <summary>A guest's routine, made on instance one, and the form token to post with (read on instance two).</summary>
    private async Task<(int Routine, string Token)> GuestRoutineAsync(HttpClient http, int writer)
    {
        var one = _cluster.Instances[0].Address;
        var token = Token(await http.GetStringAsync(new Uri(one, "/routines/add/chin-tucks")));
        using var created = await http.PostAsync(new Uri(one, "/routines/add/chin-tucks"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["RoutineId"] = "0",
            ["NewName"] = $"Writer {writer}",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var routine = int.Parse(created.Headers.Location!.OriginalString.Split('/', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (routine, Token(await http.GetStringAsync(new Uri(_cluster.Instances[1].Address, $"/routines/{routine}"))));
    }

    private static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"waited 30 s for {what}");
            await Task.Delay(20);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"waited 60 s for {what}");
            await Task.Delay(20);
        }
    }
}
