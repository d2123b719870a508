using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// The patient's side of a program their routine follows (the panel on the routine page posts here): change what
/// the clinician may see, stop sharing, or leave the program and keep the routine and its history as their own.
/// </summary>
public sealed class ProgramModel(AppDbContext db, Programs programs, TimeProvider clock) : PageModel
{
    [BindProperty]
    public bool ShareSessions { get; set; }

    [BindProperty]
    public bool SharePain { get; set; }

    [BindProperty]
    public bool ShareNotes { get; set; }

    public IActionResult OnGet(int id) => Redirect($"/routines/{id}#program");

    public Task<IActionResult> OnPostConsentAsync(int id, CancellationToken cancellationToken) =>
        SetConsentAsync(id, ShareSessions, SharePain, ShareNotes, cancellationToken);

    /// <summary>"Stop sharing": nothing from now on, in one step.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        SetConsentAsync(id, false, false, false, cancellationToken);

    /// <summary>Ends the link: the routine and its sessions stay, now the patient's own to change.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await programs.LinkForRoutineAsync(User.UserId()!, id, cancellationToken) is not { } link)
        {
            return NotFound();
        }

        var from = await FromAsync(link, cancellationToken);
        await programs.LeaveAsync(link, cancellationToken);
        this.Flash($"You left the program. This routine and its history are yours now, to change as you like; {from} no longer sees it or gets its changes to you.");
        return Redirect($"/routines/{id}");
    }

    private async Task<IActionResult> SetConsentAsync(int id, bool sessions, bool pain, bool notes, CancellationToken cancellationToken)
    {
        if (await programs.LinkForRoutineAsync(User.UserId()!, id, cancellationToken) is not { } link)
        {
            return NotFound();
        }

        link.SetConsent(sessions, pain, notes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var from = await FromAsync(link, cancellationToken);
        var followed = await db.FollowedProgramAsync(link.OwnerId, id, cancellationToken);
        this.Flash(link.SharesAnything
            ? $"Saved. From now on, {from} may see {followed!.SharedText}."
            : $"Saved. You share nothing with {from} from now on: they no longer see your sessions, pain or notes.");
        return Redirect($"/routines/{id}#program");
    }

    private async Task<string> FromAsync(Enrollment link, CancellationToken cancellationToken) =>
        await db.ClinicianProfiles.AsNoTracking().Where(p => p.UserId == link.ClinicianId).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? "your clinician";
}
