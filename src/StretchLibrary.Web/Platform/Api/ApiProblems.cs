using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;

namespace StretchLibrary.Web.Platform.Api;

/// <summary>
/// Every API error is an RFC 9457 problem (<c>application/problem+json</c>), never the site's HTML error page:
/// endpoints return them directly, and this middleware fills in any error answered without a body (401, 403,
/// 404 for unknown paths, 405, 429) and turns bad parameters or bodies into 400s that say what was wrong.
/// </summary>
internal sealed partial class ApiProblems(RequestDelegate next, ILogger<ApiProblems> logger)
{
    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    public async Task InvokeAsync(HttpContext context)
    {
        // The HTML status-code page is for people; API clients get the problem below.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // Minimal APIs throw these (ThrowOnBadRequest) for a parameter or JSON body that cannot be read.
            context.Response.Clear();
            await WriteAsync(context, ex.StatusCode, ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message);
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, context.Request.Method, context.Request.Path, ex);
            context.Response.Clear();
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "Something went wrong on our side. Try again later.");
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null)
        {
            await WriteAsync(context, response.StatusCode, DefaultDetail(context));
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string detail) =>
        Results.Problem(detail, statusCode: status).ExecuteAsync(context);

    private static string DefaultDetail(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status401Unauthorized => "Send a valid personal access token as 'Authorization: Bearer slp_...'. Tokens are made on your account page; an expired or revoked one no longer works.",
        StatusCodes.Status403Forbidden => $"This token lacks the scope this request needs ({string.Join(", ", context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>() ?? [])}). Make a token with that scope on your account page.",
        StatusCodes.Status404NotFound => "There is nothing at this address. The API reference is at /api.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take that method.",
        StatusCodes.Status429TooManyRequests => $"Too many requests. Retry after {context.Response.Headers.RetryAfter.ToString() switch { { Length: > 0 } s => s, _ => "60" }} seconds.",
        var status => ReasonPhrase(status),
    };

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : status.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, string path, Exception exception);
}
