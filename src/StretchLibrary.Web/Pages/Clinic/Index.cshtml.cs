using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Clinic;

/// <summary>The clinician's workspace: their programs, their invitations and where each stands, and their patients.</summary>
[Authorize]
public sealed class IndexModel(ClinicWorkspace workspace, StretchLibrary.Web.Clinic.Programs programs, CurrentUser currentUser) : PageModel
{
    public ClinicianProfile Profile { get; private set; } = default!;

    public IReadOnlyList<ProgramSummary> ProgramRows { get; private set; } = [];

    public IReadOnlyList<InvitationSummary> Invitations { get; private set; } = [];

    public DateTimeOffset Now => currentUser.Now;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (await workspace.ProfileAsync(userId, cancellationToken) is not { } profile)
        {
            return RedirectToPage("Profile");
        }

        Profile = profile;
        ProgramRows = await workspace.ProgramsAsync(userId, cancellationToken);
        Invitations = await workspace.InvitationsAsync(userId, programId: null, cancellationToken);
        return Page();
    }

    /// <summary>"Duplicate": a new program like one of the clinician's, to adapt for another patient.</summary>
    public async Task<IActionResult> OnPostDuplicateAsync(int programId, CancellationToken cancellationToken)
    {
        if (await programs.FindProgramAsync(User.UserId()!, programId, cancellationToken) is not { } source)
        {
            return NotFound();
        }

        if (await workspace.DuplicateAsync(source, cancellationToken) is not { } copy)
        {
            this.Flash(AccountLimits.RoutinesFull);
            return Redirect($"/routines/{programId}");
        }

        this.Flash($"Made a copy: “{copy.Name}”. Change it as this patient needs, then invite them.");
        return Redirect($"/routines/{copy.Id}");
    }
}
