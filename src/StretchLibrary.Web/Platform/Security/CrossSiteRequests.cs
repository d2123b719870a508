using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>
/// Defence in depth beside antiforgery tokens: an unsafe request (POST, PUT, PATCH, DELETE...) that a browser says
/// comes from another site (<c>Sec-Fetch-Site</c>, else an <c>Origin</c> that is not this one) gets 403 and the
/// friendly error page before any page runs. Requests with neither header (older browsers, non-browser clients,
/// which still need an antiforgery token for forms) pass, and so do requests that carry an
/// <c>Authorization: Bearer</c> header and no cookies (API clients: a page on another site cannot attach such a
/// header to a browser's request without the token itself).
/// </summary>
public static partial class CrossSiteRequests
{
    public static IApplicationBuilder UseCrossSiteRequestCheck(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CrossSiteRequests));
        return app.Use(next => context =>
        {
            // The error page shown for a refused request runs the pipeline again with the same method and headers.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && IsCrossSite(context.Request))
            {
                LogRefused(logger, context.Request.Method, LoggedPaths.Redact(context.Request.Path), context.Request.Headers["Sec-Fetch-Site"].ToString(), context.Request.Headers.Origin.ToString());
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }

    /// <summary>Whether <paramref name="request"/> is an unsafe request sent by a browser from another site.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !request.Headers.ContainsKey(HeaderNames.Cookie))
        {
            return false;
        }

        // "none": the user started it (typed or bookmarked); "same-site" is a sibling subdomain, which is not us.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cross-site request refused: {Method} {Path} (Sec-Fetch-Site {FetchSite}, Origin {Origin})")]
    private static partial void LogRefused(ILogger logger, string method, string path, string fetchSite, string origin);
}
