using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages.Clinic.Invitations;

/// <summary>One invitation: while open, its link, code and QR code (to hand over, print or revoke); after, where it stands.</summary>
[Authorize, NoStore]
public sealed class DetailsModel(StretchLibrary.Web.Clinic.Programs programs, ClinicWorkspace workspace, CurrentUser currentUser, PublicLinks links) : PageModel
{
    public InvitationSummary Invitation { get; private set; } = default!;

    public InvitationState State { get; private set; }

    /// <summary>The link and code, while the invitation is open.</summary>
    public InvitationSecret? Secret { get; private set; }

    public string? JoinLink => Secret is null ? null : links.Path($"/join/{Secret.Token}");

    public string JoinPage => links.Path("/join");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (await workspace.InvitationAsync(userId, id, cancellationToken) is not { } invitation)
        {
            return NotFound();
        }

        Invitation = invitation;
        State = invitation.StateAt(currentUser.Now);
        Secret = State is InvitationState.Open ? await programs.RevealAsync(userId, id, cancellationToken) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (await workspace.InvitationAsync(userId, id, cancellationToken) is not { } invitation)
        {
            return NotFound();
        }

        this.Flash(await workspace.RevokeAsync(userId, id, cancellationToken)
            ? $"Revoked. The link and code for {invitation.PatientName} no longer open anything."
            : "This invitation was no longer open, so there was nothing to revoke.");
        return RedirectToPage(new { id });
    }
}
