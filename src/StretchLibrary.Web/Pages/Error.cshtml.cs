using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
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

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code is >= 400 and <= 599 ? code.Value : 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // Visiting /Error directly should not answer 200.
        Response.StatusCode = Code;
    }
}
