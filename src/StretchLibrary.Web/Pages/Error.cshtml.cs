using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StretchLibrary.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public string? RequestId { get; private set; }

    /// <summary>"a minute", or "30 seconds" from the rate limiter's Retry-After header.</summary>
    public string RetryAfterText => int.TryParse(Response.Headers.RetryAfter, out var seconds) && seconds is > 0 and < 120
        ? $"{seconds} {(seconds == 1 ? "second" : "seconds")}"
        : "a minute";

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }

    // Runs whatever the method of the request being re-executed (PUT, DELETE... too), and binds nothing: a form that
    // could not be read the first time must not break the page that explains it.
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var requested = int.TryParse(Request.Query["code"], out var code) ? code : 500;
        // After an exception, the exception handler has already chosen the code (503 when the database is down).
        var afterException = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null && Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : (int?)null;
        Code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? afterException ?? (requested is >= 400 and <= 599 ? requested : 500);
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // Visiting /Error directly should not answer 200.
        Response.StatusCode = Code;
    }
}
