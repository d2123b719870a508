using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// Add or remove stretches from a list or search result without leaving it: a plain form post that redirects back
/// to the list, or (from site.js, with <c>X-Requested-With: fetch</c>) a JSON answer the card updates from.
/// </summary>
public sealed class PickModel(AppDbContext db, ContentStore content, TimeProvider clock) : PageModel
{
    public sealed record PickResult(string Message, string RoutineName, IReadOnlyList<string> InRoutine);

    public IActionResult OnGet(int id) => Redirect($"/routines/{id}");

    public async Task<IActionResult> OnPostAddAsync(int id, string[]? slugs, string? returnUrl, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.OwnedBy(User.UserId()).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        if (await db.FollowsProgramAsync(id, cancellationToken))
        {
            return Answer(routine, FollowedRoutines.ReadOnly, returnUrl, StatusCodes.Status409Conflict);
        }

        var picked = await RoutinePicks.AddAsync(db, routine, slugs, content.Current, clock.GetUtcNow(), cancellationToken);
        return Answer(routine, picked.Message, returnUrl, picked.Refused ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? slug, string? returnUrl, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.OwnedBy(User.UserId()).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        if (await db.FollowsProgramAsync(id, cancellationToken))
        {
            return Answer(routine, FollowedRoutines.ReadOnly, returnUrl, StatusCodes.Status409Conflict);
        }

        var picked = await RoutinePicks.RemoveAsync(db, routine, slug, content.Current, clock.GetUtcNow(), cancellationToken);
        return Answer(routine, picked.Message, returnUrl);
    }

    private IActionResult Answer(Routine routine, string message, string? returnUrl, int status = StatusCodes.Status200OK)
    {
        if (Request.Headers["X-Requested-With"] == "fetch")
        {
            return new JsonResult(new PickResult(message, routine.Name, [.. routine.Items.OrderBy(i => i.Position).Select(i => i.StretchSlug)])) { StatusCode = status };
        }

        this.Flash(message);
        return this.RedirectBack(returnUrl, $"/routines/{routine.Id}");
    }
}
