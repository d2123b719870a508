using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>One item of a routine: edit its dosage and note, move it, remove it.</summary>
public sealed class ItemsModel(AppDbContext db, ContentStore content, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ItemDosageForm Input { get; set; } = new();

    public ItemView Item { get; private set; } = default!;

    public string RoutineName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        if (await RoutineItemEdits.FindAsync(db, User.UserId(), id, itemId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (found.FollowsProgram)
        {
            return BackToRoutine(id, itemId, FollowedRoutines.ReadOnly);
        }

        Item = ItemView.From(found.Item, content.Current);
        RoutineName = found.Routine.Name;
        // A redisplay after a failed post keeps what the person typed.
        Input = HttpMethods.IsGet(Request.Method) ? ItemDosageForm.From(found.Item) : Input;

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        var slug = (await RoutineItemEdits.FindAsync(db, User.UserId(), id, itemId, cancellationToken))?.Item.StretchSlug;
        foreach (var (field, message) in Input.Problems(slug is null ? null : content.Current.FindStretch(slug)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(id, itemId, cancellationToken);
        }

        return await ChangeAsync(id, itemId, RoutineItemEdits.Save(Input), cancellationToken);
    }

    public Task<IActionResult> OnPostMoveUpAsync(int id, int itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, RoutineItemEdits.Move(from => from - 1, clock.GetUtcNow()), cancellationToken);

    public Task<IActionResult> OnPostMoveDownAsync(int id, int itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, RoutineItemEdits.Move(from => from + 1, clock.GetUtcNow()), cancellationToken);

    /// <summary>To a place in the list, 1 for first (the routine page's "Move to" box); no place, no move.</summary>
    public Task<IActionResult> OnPostMoveToAsync(int id, int itemId, int? place, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, RoutineItemEdits.Move(from => place is { } p ? p - 1 : from, clock.GetUtcNow()), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, int itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, RoutineItemEdits.Remove(content.Current, clock.GetUtcNow()), cancellationToken);

    /// <summary>Back to the item on the routine page, with the change's message (or why a followed routine did not change).</summary>
    private async Task<IActionResult> ChangeAsync(int id, int itemId, Func<Routine, RoutineItem, string?> change, CancellationToken cancellationToken) =>
        await RoutineItemEdits.ChangeAsync(db, User.UserId(), id, itemId, change, clock, cancellationToken) is { } changed
            ? BackToRoutine(id, itemId, changed.Message)
            : NotFound();

    private RedirectToPageResult BackToRoutine(int id, int itemId, string? message)
    {
        this.Flash(message);
        return RedirectToPage("Details", null, new { id }, $"item-{itemId}");
    }
}
