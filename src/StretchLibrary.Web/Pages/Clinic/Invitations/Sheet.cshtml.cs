using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Clinic.Invitations;

/// <summary>
/// The program's printable sheet for one open invitation: the clinician's and patient's names, and the invitation's
/// QR code and code instead of an owner-only address. A used, revoked or expired invitation has no sheet.
/// </summary>
[Authorize, NoStore]
public sealed class SheetModel(StretchLibrary.Web.Clinic.Programs programs, ClinicWorkspace workspace, CurrentUser currentUser, ContentStore content, PublicLinks links) : PageModel
{
    public SheetView Sheet { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, string? size, int? weeks, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (await programs.RevealAsync(userId, id, cancellationToken) is not { } secret
            || await programs.FindProgramAsync(userId, secret.Invitation.ProgramId, cancellationToken) is not { } program
            || await workspace.ProfileAsync(userId, cancellationToken) is not { } profile)
        {
            return NotFound();
        }

        var link = links.Path($"/join/{secret.Token}");
        Sheet = SheetView.Create(program, content.Current, currentUser.Today, link, $"/clinic/invitations/{id}", size, weeks) with
        {
            Program = new SheetProgram(profile.DisplayName, profile.ClinicName, profile.ContactLine, secret.Invitation.PatientName, secret.DisplayCode, PrintedAddress(links.Path("/join"))),
        };
        return Page();
    }

    /// <summary>"stretch.example.org/join": what a person types, shorter on paper.</summary>
    private static string PrintedAddress(string url) => url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
}
