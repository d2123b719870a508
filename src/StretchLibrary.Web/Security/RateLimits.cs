using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Data;

namespace StretchLibrary.Web.Security;

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

    public IEnumerable<(string Name, RateLimitRule Rule)> Rules() =>
        [("Login", Login), ("Register", Register), ("Guest", Guest), ("Share", Share), ("ForgotPassword", ForgotPassword),
            ("ResendConfirmation", ResendConfirmation), ("Calendar", Calendar), ("Writes", Writes), ("Api", Api)];
}

/// <summary>
/// The built-in rate limiter with one global, chained limiter: each named rule picks its requests by method and
/// path (so /s/ share links are covered whichever way that endpoint is mapped) and counts them per partition.
/// A refused request gets 429 with <c>Retry-After</c>, and the status-code page explains it.
/// </summary>
public static partial class RateLimits
{
    internal static IServiceCollection AddAppRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.Rules().All(r => r.Rule.PermitLimit > 0 && r.Rule.WindowSeconds > 0), "Every RateLimits rule needs PermitLimit > 0 and WindowSeconds > 0.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory>((limiter, limits, loggers) =>
        {
            limiter.GlobalLimiter = Create(limits.Value);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var logger = loggers.CreateLogger(typeof(RateLimits));
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                LogRejected(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path, ClientIp(context.HttpContext), seconds);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions limits) => PartitionedRateLimiter.CreateChained(
        Rule(limits.Login, c => IsWrite(c) && IsPath(c, "/account/login") ? ClientIp(c) : null),
        Rule(limits.Register, c => IsWrite(c) && IsPath(c, "/account/register") ? ClientIp(c) : null),
        Rule(limits.Guest, c => IsWrite(c) && c.User.Identity?.IsAuthenticated != true && c.GetEndpoint()?.Metadata.GetMetadata<CreatesGuestAttribute>() is not null ? ClientIp(c) : null),
        Rule(limits.Share, c => c.Request.Path.StartsWithSegments("/s", StringComparison.OrdinalIgnoreCase) ? ClientIp(c) : null),
        Rule(limits.ForgotPassword, c => IsWrite(c) && IsPath(c, "/account/forgot-password") ? ClientIp(c) : null),
        Rule(limits.ResendConfirmation, c => IsWrite(c) && IsPath(c, "/account/confirm-email") ? c.User.UserId() ?? ClientIp(c) : null),
        Rule(limits.Calendar, c => c.Request.Path.StartsWithSegments("/calendar", StringComparison.OrdinalIgnoreCase) ? ClientIp(c) : null),
        Rule(limits.Writes, c => IsWrite(c) ? c.User.UserId() ?? ClientIp(c) : null),
        // Counted per token (its hash, as stored) before the token is even looked up, so a flood costs no query.
        Rule(limits.Api, c => c.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase) && Api.ApiTokenHandler.PresentedToken(c.Request) is { Length: > 0 } token ? "token:" + ApiTokens.Hash(token) : null));

    private static PartitionedRateLimiter<HttpContext> Rule(RateLimitRule rule, Func<HttpContext, string?> partition) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !IsReExecution(context) && partition(context) is { } key
                ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = rule.PermitLimit,
                    Window = TimeSpan.FromSeconds(rule.WindowSeconds),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));

    private static bool IsWrite(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));

    private static bool IsPath(HttpContext context, string path) =>
        string.Equals(context.Request.Path.Value?.TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase);

    // The error page shown for a refused (or failed) request runs the pipeline again; it is not a second request.
    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: refused {Method} {Path} from {ClientIp}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, string method, string path, string clientIp, int retryAfterSeconds);
}
