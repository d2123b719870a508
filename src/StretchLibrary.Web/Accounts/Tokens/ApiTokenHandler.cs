using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Accounts.Tokens;

/// <summary>
/// The "Bearer" scheme: a personal access token (<c>Authorization: Bearer slp_...</c>) is hashed and looked up;
/// a revoked or expired one fails on the very next request. Used only by the API's own endpoints (their policies
/// name this scheme), never for pages, so a token cannot open the site or its forms. The token is never logged.
/// Failed attempts are counted per client address (<see cref="ApiAuthFailures"/>); past the limit the answer is
/// 429 before any lookup.
/// </summary>
internal sealed partial class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db, TimeProvider clock, ApiAuthFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    public const string ScopeClaim = "scope";

    public const string TokenIdClaim = "token_id";

    /// <summary>Last-used times are written at most this often per token, not on every request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedToken(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var client = RateLimits.ClientIp(Context);
        if (await failures.RefusedForAsync(client) is { } retryAfter)
        {
            Context.Features.Set(new Refused(retryAfter));
            LogRefused(Logger, Request.Path, client, (int)retryAfter.TotalSeconds);
            return AuthenticateResult.Fail("too many failed attempts from this address");
        }

        if (!ApiTokens.LooksLikeToken(presented))
        {
            await failures.CountAsync(client);
            return AuthenticateResult.Fail("malformed token");
        }

        var now = clock.GetUtcNow();
        var hash = ApiTokens.Hash(presented);
        var token = await db.ApiTokens.AsNoTracking().ActiveAt(now).Where(t => t.TokenHash == hash)
            .Select(t => new { t.Id, t.OwnerId, t.Scopes, t.LastUsedAt }).SingleOrDefaultAsync(Context.RequestAborted);
        if (token is null)
        {
            await failures.CountAsync(client);
            return AuthenticateResult.Fail("unknown, expired or revoked token");
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
        {
            await db.ApiTokens.TagWith(UserDataChanges.TagOwners(token.OwnerId)).Where(t => t.Id == token.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted);
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, token.OwnerId),
            new(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ScopeClaim, s)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Features.Get<Refused>() is { } refused)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)refused.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = PresentedToken(Request) is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scopes = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>() ?? [];
        Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', scopes)}\"";
        return Task.CompletedTask;
    }

    /// <summary>The token from <c>Authorization: Bearer …</c>, or null when none was sent.</summary>
    public static string? PresentedToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: refused {Path} from {ClientIp} after too many failed tokens; retry after {RetryAfterSeconds} s")]
    private static partial void LogRefused(ILogger logger, string path, string clientIp, int retryAfterSeconds);

    private sealed record Refused(TimeSpan RetryAfter);
}
