using System.Net;
using System.Net.Http.Headers;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>
/// Rate limits with <c>Redis:Configuration</c>: two instances (two hosts in this process) on one database and the
/// throwaway Redis tests/run starts (<c>STRETCHLIBRARY_TEST_REDIS</c>) share one count.
/// </summary>
public sealed class SharedRateLimitTests : IDisposable
{
    private readonly LibraryFactory _one = new();
    private readonly LibraryFactory _two = new();

    // A token nobody has: the API rule counts per presented token before looking it up (401), so each test run
    // gets counts of its own in the shared Redis.
    private readonly string _token = "slp_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..11];

    public SharedRateLimitTests()
    {
        var redis = Environment.GetEnvironmentVariable("STRETCHLIBRARY_TEST_REDIS")
            ?? throw new InvalidOperationException("STRETCHLIBRARY_TEST_REDIS is not set: run these tests through tests/run, which starts Redis.");
        foreach (var instance in new[] { _one, _two })
        {
            instance.Settings["Redis:Configuration"] = redis;
            instance.Settings["RateLimits:Api:PermitLimit"] = "4";
        }

        _two.Settings["ConnectionStrings:Default"] = _one.ConnectionString;
    }

    public void Dispose()
    {
        _two.Dispose();
        _one.Dispose();
    }

    [Fact]
    public async Task Requests_to_both_instances_count_toward_one_limit()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await SendAsync(i % 2 == 0 ? _one : _two);
            statuses.Add(response.StatusCode);
        }

        // Two requests each would pass two separate limits of 4; the fifth is refused only if both counted together.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], statuses);
        using var refused = await SendAsync(_two);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task With_redis_unreachable_each_instance_still_limits_in_memory()
    {
        using var offline = new LibraryFactory();
        // Nothing listens on port 1: the app starts, keeps serving and counts on its own.
        offline.Settings["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200";
        offline.Settings["RateLimits:Api:PermitLimit"] = "2";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await SendAsync(offline);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Failed_token_attempts_from_one_address_count_across_instances()
    {
        foreach (var instance in new[] { _one, _two })
        {
            instance.Settings["RateLimits:ApiAuthFailures:PermitLimit"] = "4";
        }

        // One window for both (each test app has its own clock); an address of this run's own, so counts start at 0.
        _two.Clock.Now = _one.Clock.Now;
        var address = new System.Net.IPAddress(Guid.NewGuid().ToByteArray());
        _ = _one.CreateClient();
        _ = _two.CreateClient();

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var instance = i % 2 == 0 ? _one : _two;
            statuses.Add((await ApiAuthFailureTests.GetRoutinesAsync(instance.Server, address, StretchLibrary.Web.Accounts.Tokens.ApiTokens.NewToken())).Response.StatusCode);
        }

        // Two failures each would pass two separate limits of 4; the fifth is refused only if both counted together.
        Assert.Equal([401, 401, 401, 401, 429], statuses);
    }

    private async Task<HttpResponseMessage> SendAsync(LibraryFactory instance)
    {
        var client = instance.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/routines");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return await client.SendAsync(request);
    }
}
