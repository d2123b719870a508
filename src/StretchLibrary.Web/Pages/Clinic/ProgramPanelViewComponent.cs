using Microsoft.AspNetCore.Mvc;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Clinic;

/// <summary>What the program panel shows: the program, who follows it, and its invitations.</summary>
public sealed record ProgramPanelView(int ProgramId, string ProgramName, int Version, IReadOnlyList<FollowerSummary> Followers, InvitationListView Invitations);

/// <summary>
/// The clinician's panel on their program's routine page (<c>/routines/{id}</c>): patients following it, invite,
/// duplicate, and the program's invitations. Renders nothing on any other routine. The page it sits on is then kept
/// out of the page cache: patients accept and invitations expire without a write of the clinician's.
/// </summary>
public sealed class ProgramPanelViewComponent(ClinicWorkspace workspace, CurrentUser currentUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Routine routine)
    {
        if (!routine.IsProgram || currentUser.Id is not { } userId || routine.OwnerId != userId)
        {
            return Content("");
        }

        HttpContext.KeepOutOfPageCache();
        var cancellationToken = HttpContext.RequestAborted;
        var followers = await workspace.FollowersAsync(userId, routine.Id, cancellationToken);
        var invitations = await workspace.InvitationsAsync(userId, routine.Id, cancellationToken);
        return View("/Pages/Clinic/_ProgramPanel.cshtml", new ProgramPanelView(
            routine.Id, routine.Name, routine.Version, followers, new InvitationListView(invitations, currentUser.Now, currentUser.Local, ShowProgram: false)));
    }
}
