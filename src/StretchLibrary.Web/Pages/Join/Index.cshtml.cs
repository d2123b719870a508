using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Join;

/// <summary>
/// A patient joins a clinician's program by the invitation's link (<c>/join/{token}</c>) or by typing its code
/// (<c>/join</c>): they see who it is from, choose what to share, and accept as a guest or in their account. A wrong,
/// used, revoked or expired invitation answers 404 with what to do next.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[CreatesGuest]
public sealed class IndexModel(Accepting accepting) : PageModel
{
    public OpenInvitation? Invitation { get; private set; }

    /// <summary>Why nothing opened, when the link or code opens no invitation.</summary>
    public string? Closed { get; private set; }

    /// <summary>The visitor's routine that already follows this program, if any.</summary>
    public int? FollowingRoutineId { get; private set; }

    [BindProperty, Display(Name = "Invitation code")]
    public string? Code { get; set; }

    // Consent is never assumed from a field that was not sent: a form shown by OpenAsync ticks sessions and pain.
    [BindProperty]
    public bool ShareSessions { get; set; }

    [BindProperty]
    public bool SharePain { get; set; }

    [BindProperty]
    public bool ShareNotes { get; set; }

    [BindProperty]
    public string? Tz { get; set; }

    public Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken) =>
        token is null ? Task.FromResult<IActionResult>(Page()) : OpenAsync(token, null, cancellationToken);

    /// <summary>The typed code: the invitation it opens, or the form again with what is wrong.</summary>
    public async Task<IActionResult> OnPostCodeAsync(CancellationToken cancellationToken)
    {
        if (InvitationSecrets.NormaliseCode(Code) is null)
        {
            ModelState.AddModelError(nameof(Code), "Type the 8 letters and numbers of the code, like K7M4-Q2XP.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await OpenAsync(null, Code, cancellationToken);
    }

    public async Task<IActionResult> OnPostAcceptAsync(string? token, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(token, token is null ? Code : null, cancellationToken);
        if (Invitation is not { } open)
        {
            return opened;
        }

        var outcome = await accepting.AcceptAsync(User, Tz, open, FollowingRoutineId, ShareSessions, SharePain, ShareNotes, cancellationToken);
        if (outcome.RoutineId is { } routineId)
        {
            this.Flash(outcome.Flash);
            return RedirectToPage("/Routines/Details", new { id = routineId });
        }

        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return opened;
        }

        // Accepted or revoked in the moment between showing it and accepting.
        return await OpenAsync(token, token is null ? Code : null, cancellationToken);
    }

    private bool IsAccepting => string.Equals(Request.Query["handler"], "Accept", StringComparison.OrdinalIgnoreCase);

    private async Task<IActionResult> OpenAsync(string? token, string? code, CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        (Invitation, Closed, FollowingRoutineId) = await accepting.LookUpAsync(User.UserId(), token, code, cancellationToken);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!IsAccepting)
        {
            (ShareSessions, SharePain, ShareNotes) = (true, true, false);
        }

        Code = token is null ? InvitationSecrets.Display(InvitationSecrets.NormaliseCode(code)!) : null;
        return Page();
    }
}
