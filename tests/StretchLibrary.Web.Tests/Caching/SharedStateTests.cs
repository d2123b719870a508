using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>
/// Two instances of the app (two hosts in this process) on one database and one Redis (the throwaway server
/// tests/run starts, <c>STRETCHLIBRARY_TEST_REDIS</c>), one browser sending its requests to either.
/// </summary>
public sealed class SharedStateTests : IDisposable
{
    private const string Password = "plum tractor orbit";

    private readonly LibraryFactory _one = new();
    private readonly LibraryFactory _two = new();
    private readonly CookieContainer _jar = new();

    public SharedStateTests()
    {
        var redis = Environment.GetEnvironmentVariable("STRETCHLIBRARY_TEST_REDIS")
            ?? throw new InvalidOperationException("STRETCHLIBRARY_TEST_REDIS is not set: run these tests through tests/run, which starts Redis.");
        _one.Settings["Redis:Configuration"] = redis;
        _two.Settings["Redis:Configuration"] = redis;
        _two.Settings["ConnectionStrings:Default"] = _one.ConnectionString;
        // With Redis, rate limits count across every test app and both tests/run passes (all test clients share
        // one IP); these tests are not about limits (SharedRateLimitTests is).
        foreach (var instance in new[] { _one, _two })
        {
            instance.Settings["RateLimits:Register:PermitLimit"] = "1000";
            instance.Settings["RateLimits:Guest:PermitLimit"] = "1000";
            instance.Settings["RateLimits:Writes:PermitLimit"] = "1000";
        }
    }

    public void Dispose()
    {
        _two.Dispose();
        _one.Dispose();
    }

    [Fact]
    public async Task Signing_out_on_one_instance_refuses_a_copy_of_the_old_cookie_on_the_other()
    {
        var (one, _, url) = await RoutineCachedOnTwoAsync();
        var copied = _jar.GetCookieHeader(_one.ClientOptions.BaseAddress);

        await one.GetAsync("/account/logout");
        await one.SubmitAsync("main form[method=post]");

        Assert.True(await WithinAsync(TimeSpan.FromSeconds(30), async () =>
        {
            using var response = await SendAsync(_two, url, copied);
            return response.StatusCode != HttpStatusCode.OK;
        }));
    }

    [Fact]
    public async Task Mark_done_on_one_instance_shows_on_the_others_cached_routine_page()
    {
        var (one, two, url) = await RoutineCachedOnTwoAsync();

        await one.GetAsync(url);
        await one.MarkDoneAsync(DateOnly.FromDateTime(_one.Clock.Now.UtcDateTime));

        Assert.True(await WithinAsync(TimeSpan.FromSeconds(30), async () =>
        {
            await two.GetAsync(url);
            return two.Stat("total") == "1";
        }));
    }

    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_read_by_the_other()
    {
        var (_, two, url) = await RoutineCachedOnTwoAsync();

        var page = await two.GetAsync(url);

        Assert.Equal("Desk", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_key_ring_in_redis_is_stored_encrypted_to_the_certificate()
    {
        // Instance one signs a guest in (its key ring goes to Redis); instance two reads that cookie with it.
        var one = Browser(_one);
        await one.AddAsync("chin-tucks", newRoutine: "Desk");
        using var onTwo = await Browser(_two).Http.GetAsync($"/routines/{one.RoutineId}");
        Assert.Equal(HttpStatusCode.OK, onTwo.StatusCode);
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_one.Settings["Redis:Configuration"]!);

        var keys = await redis.GetDatabase().ListRangeAsync(StretchLibrary.Web.Platform.Caching.SharedState.KeysKey);

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("<encryptedSecret", key.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key.ToString(), StringComparison.Ordinal);
        });
    }

    /// <summary>Registered through instance one; the routine page then rendered and cached by instance two.</summary>
    private async Task<(RoutineClient One, RoutineClient Two, string Url)> RoutineCachedOnTwoAsync()
    {
        var one = Browser(_one);
        var two = Browser(_two);
        await one.AddAsync("chin-tucks", newRoutine: "Desk");
        var url = $"/routines/{one.RoutineId}";
        await one.RegisterAsync("ana@example.com", Password);
        // Registering on one announces a change, which may reach two after it stored the page: wait until two
        // answers from its cache rather than assume the first store held.
        Assert.True(await WithinAsync(TimeSpan.FromSeconds(30), async () =>
        {
            await two.GetAsync(url);
            using var cached = await two.Http.GetAsync(url);
            return cached.Headers.Contains("Age");
        }));
        return (one, two, url);
    }

    private RoutineClient Browser(LibraryFactory instance) =>
        new(instance.CreateDefaultClient(instance.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(_jar)));

    private static async Task<HttpResponseMessage> SendAsync(LibraryFactory instance, string path, string cookies)
    {
        var bare = instance.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = instance.ClientOptions.BaseAddress, HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await bare.SendAsync(request);
    }

    // Pub/sub delivers in well under a millisecond on loopback; the allowance is for a loaded test machine.
    private static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (watch.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(20);
        }
    }
}
