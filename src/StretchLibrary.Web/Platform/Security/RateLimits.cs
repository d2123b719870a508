using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>One fixed-window limit: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}

/// <summary>The <c>RateLimits</c> section. Each rule counts per client IP, except writes by a signed-in user (per user).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>POST /account/login.</summary>
    public RateLimitRule Login { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>POST /account/register.</summary>
    public RateLimitRule Register { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>POSTs by a visitor with no account yet to any page that creates a guest account ([CreatesGuest]): saving a routine, import, "Copy to my routines".</summary>
    public RateLimitRule Guest { get; set; } = new() { PermitLimit = 20, WindowSeconds = 3600 };

    /// <summary>Share links, anything under /s/.</summary>
    public RateLimitRule Share { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>POST /account/forgot-password: each one may send a mail.</summary>
    public RateLimitRule ForgotPassword { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

    /// <summary>POST /account/confirm-email (send the confirmation link again), per user.</summary>
    public RateLimitRule ResendConfirmation { get; set; } = new() { PermitLimit = 3, WindowSeconds = 900 };

    /// <summary>Calendar feeds, anything under /calendar/.</summary>
    public RateLimitRule Calendar { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Every POST: per user when signed in (guests included), else per IP.</summary>
    public RateLimitRule Writes { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>API requests that carry a personal access token: per token.</summary>
    public RateLimitRule Api { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Failed Bearer attempts (a wrong, expired, revoked or malformed token), per IP: see <see cref="Security.ApiAuthFailures"/>.</summary>
    public RateLimitRule ApiAuthFailures { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>POST /account/import (a big file costs seconds of server time): per user when signed in (guests included), else per IP.</summary>
    public RateLimitRule Import { get; set; } = new() { PermitLimit = 10, WindowSeconds = 3600 };

    public IEnumerable<(string Name, RateLimitRule Rule)> Rules() =>
        [("Login", Login), ("Register", Register), ("Guest", Guest), ("Share", Share), ("ForgotPassword", ForgotPassword),
            ("ResendConfirmation", ResendConfirmation), ("Calendar", Calendar), ("Writes", Writes), ("Api", Api), ("ApiAuthFailures", ApiAuthFailures),
            ("Import", Import)];
}

/// <summary>
/// The built-in rate limiter with one global, chained limiter: each named rule picks its requests by method and
/// path (so /s/ share links are covered whichever way that endpoint is mapped) and counts them per partition.
/// A refused request gets 429 with <c>Retry-After</c>, and the status-code page explains it. With
/// <c>Redis:Configuration</c> the same rules are counted in Redis (RedisRateLimiting), so several instances share
/// one count; while Redis is unreachable each instance counts on its own, in memory, rather than failing requests.
/// </summary>
public static partial class RateLimits
{
    internal static IServiceCollection AddAppRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.Rules().All(r => r.Rule.PermitLimit > 0 && r.Rule.WindowSeconds > 0), "Every RateLimits rule needs PermitLimit > 0 and WindowSeconds > 0.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddSingleton<ApiAuthFailures>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory, IServiceProvider>((limiter, limits, loggers, services) =>
        {
            limiter.GlobalLimiter = services.GetService<IConnectionMultiplexer>() is { } redis
                ? new SharedOrLocal(redis, Create(limits.Value, redis), Create(limits.Value))
                : Create(limits.Value);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var logger = loggers.CreateLogger(typeof(RateLimits));
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                LogRejected(logger, context.HttpContext.Request.Method, LoggedPaths.Redact(context.HttpContext.Request.Path), ClientIp(context.HttpContext), seconds);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>The chained limiter for these rules: counted in <paramref name="redis"/> when given, else in memory.</summary>
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions limits, IConnectionMultiplexer? redis = null)
    {
        PartitionedRateLimiter<HttpContext> Rule(string name, RateLimitRule rule, Func<HttpContext, string?> partition) => RateLimits.Rule(name, rule, partition, redis);
        return PartitionedRateLimiter.CreateChained(
        Rule("Login", limits.Login, c => IsWrite(c) && IsPath(c, "/account/login") ? ClientIp(c) : null),
        Rule("Register", limits.Register, c => IsWrite(c) && IsPath(c, "/account/register") ? ClientIp(c) : null),
        Rule("Guest", limits.Guest, c => IsWrite(c) && c.User.Identity?.IsAuthenticated != true && c.GetEndpoint()?.Metadata.GetMetadata<CreatesGuestAttribute>() is not null ? ClientIp(c) : null),
        Rule("Share", limits.Share, c => c.Request.Path.StartsWithSegments("/s", StringComparison.OrdinalIgnoreCase) ? ClientIp(c) : null),
        Rule("ForgotPassword", limits.ForgotPassword, c => IsWrite(c) && IsPath(c, "/account/forgot-password") ? ClientIp(c) : null),
        Rule("ResendConfirmation", limits.ResendConfirmation, c => IsWrite(c) && IsPath(c, "/account/confirm-email") ? c.User.UserId() ?? ClientIp(c) : null),
        Rule("Calendar", limits.Calendar, c => c.Request.Path.StartsWithSegments("/calendar", StringComparison.OrdinalIgnoreCase) ? ClientIp(c) : null),
        Rule("Import", limits.Import, c => IsWrite(c) && IsPath(c, "/account/import") ? c.User.UserId() ?? ClientIp(c) : null),
        Rule("Writes", limits.Writes, c => IsWrite(c) ? c.User.UserId() ?? ClientIp(c) : null),
        // Counted per token (its hash, as stored) before the token is even looked up, so a flood costs no query.
        Rule("Api", limits.Api, c => c.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase) && Accounts.Tokens.ApiTokenHandler.PresentedToken(c.Request) is { Length: > 0 } token ? "token:" + ApiTokens.Hash(token) : null));
    }

    private static PartitionedRateLimiter<HttpContext> Rule(string name, RateLimitRule rule, Func<HttpContext, string?> partition, IConnectionMultiplexer? redis) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsReExecution(context) || partition(context) is not { } key ? RateLimitPartition.GetNoLimiter("")
            : redis is not null ? RedisRateLimitPartition.GetFixedWindowRateLimiter($"stretchlibrary:rate:{name}:{key}", _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = rule.PermitLimit,
                Window = TimeSpan.FromSeconds(rule.WindowSeconds),
            })
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = rule.PermitLimit,
                Window = TimeSpan.FromSeconds(rule.WindowSeconds),
                QueueLimit = 0,
            }));

    /// <summary>Counts in Redis while it is reachable, else (and when a call to it fails) in this instance's memory.</summary>
    private sealed class SharedOrLocal(IConnectionMultiplexer redis, PartitionedRateLimiter<HttpContext> shared, PartitionedRateLimiter<HttpContext> local)
        : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => local.GetStatistics(resource);

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
        {
            if (redis.IsConnected)
            {
                try
                {
                    return shared.AttemptAcquire(resource, permitCount);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    // Redis went away between the check and the call: count here instead of failing the request.
                }
            }

            return local.AttemptAcquire(resource, permitCount);
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
        {
            if (redis.IsConnected)
            {
                try
                {
                    return await shared.AcquireAsync(resource, permitCount, cancellationToken);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    // Redis went away between the check and the call: count here instead of failing the request.
                }
            }

            return await local.AcquireAsync(resource, permitCount, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                local.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private static bool IsWrite(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));

    private static bool IsPath(HttpContext context, string path) =>
        string.Equals(context.Request.Path.Value?.TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase);

    // The error page shown for a refused (or failed) request runs the pipeline again; it is not a second request.
    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    internal static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: refused {Method} {Path} from {ClientIp}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, string method, string path, string clientIp, int retryAfterSeconds);
}
