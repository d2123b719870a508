using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

public sealed class DetailsModel(AppDbContext db, CurrentUser currentUser, ContentStore content, TimeProvider clock) : PageModel
{
    public RoutinePage View { get; private set; } = default!;

    /// <summary>The clinician's program this routine follows (its items are then read-only here); null for the reader's own.</summary>
    public FollowedProgramPanel? Program { get; private set; }

    /// <summary>Set instead of <see cref="View"/> when the routine is not the reader's.</summary>
    public RoutineLinkExplained? Explained { get; private set; }

    [BindProperty, Required(ErrorMessage = "Give the routine a name."), StringLength(Routine.NameMaxLength, ErrorMessage = "Keep the name under {1} characters."), PlainText]
    public string? Name { get; set; }

    [BindProperty, Range(1, 21, ErrorMessage = "Choose between {1} and {2} times a week, or leave it empty."), Display(Name = "Weekly target")]
    public int? WeeklyTarget { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (currentUser.Id is null)
        {
            // A sheet's QR code or a reminder's link opened on another device: explain how to open it.
            return RedirectToPage("Open", new { id });
        }

        var (loaded, program) = await db.ReadAsync(ct => LoadAsync(id, ct), cancellationToken);
        if (loaded is not { } view)
        {
            // Someone else's routine (or none), opened in the reader's own account: the explanation, with 404.
            Explained = RoutineLinkExplained.For(id, signedIn: true);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        (View, Program, Name, WeeklyTarget) = (view, program, Name ?? view.Routine.Name, WeeklyTarget ?? view.Routine.WeeklyTarget);
        HttpContext.CacheForOwnerUntil(RoutinePageCache.Until(currentUser.Now, currentUser.Zone));
        return Page();
    }

    /// <summary>The page's reads (run as one read unit): the routine page, and the program it follows, if any.</summary>
    private async Task<(RoutinePage?, FollowedProgramPanel?)> LoadAsync(int id, CancellationToken cancellationToken) =>
        await RoutinePage.LoadAsync(db, currentUser, content.Current, id, cancellationToken) is { } view
            ? (view, view.FollowsProgram ? await FollowedProgramPanel.LoadAsync(db, currentUser, view.Routine, cancellationToken) : null)
            : (null, null);

    public Task<IActionResult> OnPostRenameAsync(int id, CancellationToken cancellationToken) =>
        UpdateAsync(id, nameof(Name), r => r.Name = Name!.Trim(), $"Renamed to “{Name?.Trim()}”.", cancellationToken);

    public Task<IActionResult> OnPostTargetAsync(int id, CancellationToken cancellationToken) =>
        UpdateAsync(id, nameof(WeeklyTarget), r => r.WeeklyTarget = WeeklyTarget, WeeklyTarget is null ? "Weekly target removed." : $"Target set to {WeeklyTarget} times a week.", cancellationToken);

    public async Task<IActionResult> OnPostDuplicateAsync(int id, CancellationToken cancellationToken)
    {
        if (await RoutineEdits.DuplicateAsync(db, User.UserId(), id, clock.GetUtcNow(), cancellationToken) is not { } copy)
        {
            return NotFound();
        }

        this.Flash(copy.CopyId is null ? AccountLimits.RoutinesFull : $"Made a copy of “{copy.SourceName}”.");
        return RedirectToPage(new { id = copy.CopyId ?? id });
    }

    /// <summary>Validates only the field this form posts, applies the change to an owned routine, and redirects.</summary>
    private async Task<IActionResult> UpdateAsync(int id, string field, Action<Routine> apply, string message, CancellationToken cancellationToken)
    {
        // Each form posts one field: the other's errors (a name that was not sent) are not about this form.
        if (ModelState.InvalidOnly(field))
        {
            return await OnGetAsync(id, cancellationToken);
        }

        var outcome = await RoutineEdits.UpdateAsync(db, User.UserId(), id, apply, clock.GetUtcNow(), cancellationToken);
        if (outcome is RoutineEdits.Outcome.Missing)
        {
            return NotFound();
        }

        this.Flash(outcome is RoutineEdits.Outcome.FollowsProgram ? FollowedRoutines.ReadOnly : message);
        return RedirectToPage(new { id });
    }
}
