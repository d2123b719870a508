using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>
/// Failed Bearer attempts (unknown, expired, revoked or malformed tokens) per client address, in fixed windows
/// (<c>RateLimits:ApiAuthFailures</c>). The API's token handler asks before it looks a token up, so an address past
/// the limit is answered 429 without a query, whatever token it sends. Counted in Redis when
/// <c>Redis:Configuration</c> is set (all instances share one count), else, and while Redis is unreachable, in
/// this instance's memory, as the other rate limits are. Only failures count: the built-in limiter counts every
/// request it sees, which is why this is not one of its rules.
/// </summary>
internal sealed class ApiAuthFailures(IOptions<RateLimitOptions> limits, TimeProvider clock, IConnectionMultiplexer? redis = null)
{
    private readonly RateLimitRule _rule = limits.Value.ApiAuthFailures;
    private readonly Lock _gate = new();
    private long _localWindow = -1;
    private Dictionary<string, int> _localCounts = [];

    /// <summary>How long <paramref name="client"/> must wait when it is past the limit; null when it may try.</summary>
    public async Task<TimeSpan?> RefusedForAsync(string client)
    {
        var (window, retryAfter) = Window();
        var count = await SharedAsync(async db => (int)((long?)await db.StringGetAsync(Key(client, window)) ?? 0)) ?? Local(client, window, add: false);
        return count >= _rule.PermitLimit ? retryAfter : null;
    }

    /// <summary>Counts one failed attempt from <paramref name="client"/>.</summary>
    public async Task CountAsync(string client)
    {
        var (window, _) = Window();
        var counted = await SharedAsync(async db =>
        {
            // One round trip; the key outlives its window by a second, then Redis drops it.
            var transaction = db.CreateTransaction();
            var count = transaction.StringIncrementAsync(Key(client, window));
            _ = transaction.KeyExpireAsync(Key(client, window), TimeSpan.FromSeconds(_rule.WindowSeconds + 1));
            await transaction.ExecuteAsync();
            return (int)await count;
        });
        if (counted is null)
        {
            Local(client, window, add: true);
        }
    }

    // Windows start at multiples of WindowSeconds since the Unix epoch, so every instance agrees on them.
    private (long Window, TimeSpan RetryAfter) Window()
    {
        var seconds = clock.GetUtcNow().ToUnixTimeSeconds();
        var window = seconds / _rule.WindowSeconds;
        return (window, TimeSpan.FromSeconds((window + 1) * _rule.WindowSeconds - seconds));
    }

    private static string Key(string client, long window) => $"stretchlibrary:rate:ApiAuthFailures:{client}:{window.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The answer from Redis, or null when there is none to ask (then this instance counts on its own).</summary>
    private async Task<int?> SharedAsync(Func<IDatabase, Task<int>> use)
    {
        if (redis is not { IsConnected: true })
        {
            return null;
        }

        try
        {
            return await use(redis.GetDatabase());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis went away between the check and the call: count here instead of failing the request.
            return null;
        }
    }

    // Only the current window is kept: a new window drops the last one's counts.
    private int Local(string client, long window, bool add)
    {
        lock (_gate)
        {
            if (window != _localWindow)
            {
                _localWindow = window;
                _localCounts = [];
            }

            var count = _localCounts.GetValueOrDefault(client);
            if (add)
            {
                _localCounts[client] = ++count;
            }

            return count;
        }
    }
}
