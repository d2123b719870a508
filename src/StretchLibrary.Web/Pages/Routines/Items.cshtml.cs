using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>One item of a routine: edit its dosage and note, move it, remove it.</summary>
public sealed class ItemsModel(AppDbContext db, ContentStore content, TimeProvider clock) : PageModel
{
    public sealed class ItemInput
    {
        [Range(1, Dosage.MaxReps, ErrorMessage = "Reps must be between {1} and {2}.")]
        public int? Reps { get; set; }

        [Range(1, Dosage.MaxHoldSeconds, ErrorMessage = "Hold must be between {1} and {2} seconds.")]
        [Display(Name = "Hold (seconds)")]
        public int? HoldSeconds { get; set; }

        [Range(1, Dosage.MaxSets, ErrorMessage = "Sets must be between {1} and {2}.")]
        public int? Sets { get; set; }

        [Range(1, Dosage.MaxPerDay, ErrorMessage = "Times a day must be between {1} and {2}.")]
        [Display(Name = "Times a day")]
        public int? PerDay { get; set; }

        /// <summary>"left" or "right" for one side only; empty for both (only for a stretch done on each side).</summary>
        public string? Side { get; set; }

        [Range(1, Tempo.MaxRestSeconds, ErrorMessage = "Rest between sets must be between {1} and {2} seconds.")]
        [Display(Name = "Rest between sets (seconds)")]
        public int? RestSeconds { get; set; }

        [Range(Tempo.MinPhaseSeconds, Tempo.MaxPhaseSeconds, ErrorMessage = "Tempo must be between {1} and {2} seconds each way.")]
        [Display(Name = "Tempo (seconds each way)")]
        public int? TempoSeconds { get; set; }

        [StringLength(RoutineItem.NoteMaxLength, ErrorMessage = "Keep the note under {1} characters."), PlainText(MultiLine = true)]
        public string? Note { get; set; }

        /// <summary>Errors a field's own rule cannot see: a side for a stretch that has none, a tempo for held reps.</summary>
        public IEnumerable<(string Field, string Message)> Problems(Stretch? stretch)
        {
            if (!ItemSides.IsValid(Side))
            {
                yield return (nameof(Side), "Choose both sides, left side only or right side only.");
            }
            else if (Side is not null && stretch?.Dosage.Sides is not Sides.Each)
            {
                yield return (nameof(Side), "This stretch works both sides together, so there is no side to choose.");
            }

            if (TempoSeconds is not null && stretch?.Dosage.WithOverrides(Reps, HoldSeconds, Sets, PerDay) is { } dosage && !(dosage.Reps is not null && dosage.Hold is null))
            {
                yield return (nameof(TempoSeconds), "Tempo is for reps without a hold. Leave it empty, or clear the hold.");
            }
        }
    }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public ItemView Item { get; private set; } = default!;

    public string RoutineName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        var routine = await FindAsync(id, cancellationToken);
        if (routine?.Items.SingleOrDefault(i => i.Id == itemId) is not { } item)
        {
            return NotFound();
        }

        if (await db.FollowsProgramAsync(id, cancellationToken))
        {
            return ReadOnly(id, itemId);
        }

        Item = ItemView.From(item, content.Current);
        RoutineName = routine.Name;
        if (HttpMethods.IsGet(Request.Method))
        {
            Input = new ItemInput
            {
                Reps = item.Reps,
                HoldSeconds = item.HoldSeconds,
                Sets = item.Sets,
                PerDay = item.PerDay,
                Side = item.Side,
                RestSeconds = item.RestSeconds,
                TempoSeconds = item.TempoSeconds,
                Note = item.Note,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        var slug = (await FindAsync(id, cancellationToken))?.Items.SingleOrDefault(i => i.Id == itemId)?.StretchSlug;
        foreach (var (field, message) in Input.Problems(slug is null ? null : content.Current.FindStretch(slug)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(id, itemId, cancellationToken);
        }

        return await ChangeAsync(id, itemId, (routine, item) =>
        {
            (item.Reps, item.HoldSeconds, item.Sets, item.PerDay) = (Input.Reps, Input.HoldSeconds, Input.Sets, Input.PerDay);
            (item.Side, item.RestSeconds, item.TempoSeconds) = (Input.Side, Input.RestSeconds, Input.TempoSeconds);
            item.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
            return "Saved.";
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostMoveUpAsync(int id, int itemId, CancellationToken cancellationToken) => MoveAsync(id, itemId, (from, _) => from - 1, cancellationToken);

    public Task<IActionResult> OnPostMoveDownAsync(int id, int itemId, CancellationToken cancellationToken) => MoveAsync(id, itemId, (from, _) => from + 1, cancellationToken);

    /// <summary>To a place in the list, 1 for first (the routine page's "Move to" box); no place, no move.</summary>
    public Task<IActionResult> OnPostMoveToAsync(int id, int itemId, int? place, CancellationToken cancellationToken) =>
        MoveAsync(id, itemId, (from, _) => place is { } p ? p - 1 : from, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, int itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, (routine, item) =>
        {
            routine.Remove(item, clock.GetUtcNow());
            return $"Removed {content.Current.FindStretch(item.StretchSlug)?.Title ?? item.StretchSlug}.";
        }, cancellationToken);

    /// <summary>Moves the item from its index to <paramref name="target"/>(index, count), kept within the list.</summary>
    private Task<IActionResult> MoveAsync(int id, int itemId, Func<int, int, int> target, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, (routine, item) =>
        {
            routine.MoveTo(item, target(routine.IndexOf(item), routine.Items.Count), clock.GetUtcNow());
            return null;
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, int itemId, Func<Routine, RoutineItem, string?> change, CancellationToken cancellationToken)
    {
        var routine = await FindAsync(id, cancellationToken, tracking: true);
        if (routine?.Items.SingleOrDefault(i => i.Id == itemId) is not { } item)
        {
            return NotFound();
        }

        if (await db.FollowsProgramAsync(id, cancellationToken))
        {
            return ReadOnly(id, itemId);
        }

        this.Flash(change(routine, item));
        routine.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Details", null, new { id }, $"item-{itemId}");
    }

    /// <summary>A routine following a clinician's program: nothing changes, and the routine page says why.</summary>
    private RedirectToPageResult ReadOnly(int id, int itemId)
    {
        this.Flash(FollowedRoutines.ReadOnly);
        return RedirectToPage("Details", null, new { id }, $"item-{itemId}");
    }

    private Task<Routine?> FindAsync(int id, CancellationToken cancellationToken, bool tracking = false)
    {
        var routines = tracking ? db.Routines : db.Routines.AsNoTracking();
        return routines.OwnedBy(User.UserId()).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }
}
