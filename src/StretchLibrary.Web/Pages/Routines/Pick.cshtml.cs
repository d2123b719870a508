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

        var snapshot = content.Current;
        var stretches = (slugs ?? []).Distinct(StringComparer.Ordinal).Select(snapshot.FindStretch).ToList();
        if (stretches.Count == 0 || stretches.Any(s => s is null))
        {
            return Answer(routine, "Pick at least one stretch from the list.", returnUrl, StatusCodes.Status400BadRequest);
        }

        if (routine.Append(stretches.Select(s => s!.Slug), clock.GetUtcNow()) is not { } appended)
        {
            return Answer(routine, $"{AccountLimits.ItemsFull} Nothing was added.", returnUrl, StatusCodes.Status400BadRequest);
        }

        await db.SaveChangesAsync(cancellationToken);
        var added = appended.Select(snapshot.FindStretch).ToList();
        var names = added.Count == 1 ? added[0]!.Title : $"{added.Count} stretches";
        return Answer(routine, added.Count == 0 ? $"Already in “{routine.Name}”." : $"Added {names} to “{routine.Name}”.", returnUrl);
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

        var removed = routine.Items.Where(i => i.StretchSlug == slug).ToList();
        removed.ForEach(item => routine.Remove(item, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        var title = content.Current.FindStretch(slug ?? "")?.Title ?? slug;
        return Answer(routine, removed.Count == 0 ? $"{title} was not in “{routine.Name}”." : $"Removed {title} from “{routine.Name}”.", returnUrl);
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
