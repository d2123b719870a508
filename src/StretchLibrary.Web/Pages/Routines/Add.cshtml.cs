using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>"Add to routine": a small confirm page, so stretch pages carry no form or cookie.</summary>
[CreatesGuest]
public sealed class AddModel(AppDbContext db, ContentStore content, GuestAccounts guests, TimeProvider clock) : PageModel
{
    public const string DefaultName = "My routine";

    public Stretch Stretch { get; private set; } = default!;

    public IReadOnlyList<(int Id, string Name, bool HasStretch)> Routines { get; private set; } = [];

    /// <summary>The routine to add to; 0 means a new one named <see cref="NewName"/>.</summary>
    [BindProperty, Range(0, int.MaxValue, ErrorMessage = "Pick one of your routines, or a new one.")]
    public int RoutineId { get; set; }

    [BindProperty, StringLength(Routine.NameMaxLength, ErrorMessage = "Keep the name under {1} characters."), PlainText]
    [Display(Name = "Name of the new routine")]
    public string? NewName { get; set; }

    /// <summary>The list the person came from: after adding, they go back there instead of to the routine.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The browser's time zone, filled in by site.js; ignored when unknown (the visitor cannot fix a hidden field).</summary>
    [BindProperty]
    public string? Tz { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (content.Current.FindStretch(slug) is not { } stretch)
        {
            return NotFound();
        }

        Stretch = stretch;
        // Not a routine that follows a clinician's program: only the program changes its stretches.
        Routines = await db.Routines.AsNoTracking().OwnedBy(User.UserId()).Where(r => !db.Enrollments.Any(e => e.RoutineId == r.Id)).OrderByDescending(r => r.UpdatedAt)
            .Select(r => new ValueTuple<int, string, bool>(r.Id, r.Name, r.Items.Any(i => i.StretchSlug == slug)))
            .ToListAsync(cancellationToken);
        if (HttpMethods.IsGet(Request.Method))
        {
            RoutineId = Routines.Count > 0 ? Routines[0].Id : 0;
            // A first routine gets a name the person can keep or change, rather than a blank to think about.
            NewName = Routines.Count > 0 ? null : DefaultName;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (content.Current.FindStretch(slug) is not { } stretch)
        {
            return NotFound();
        }

        if (RoutineId == 0 && string.IsNullOrWhiteSpace(NewName))
        {
            ModelState.AddModelError(nameof(NewName), "Name the new routine, or pick one of yours.");
        }
        else if (RoutineId == 0 && !await db.HasRoomForRoutineAsync(User.UserId(), cancellationToken))
        {
            ModelState.AddModelError(nameof(NewName), AccountLimits.RoutinesFull);
        }

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(slug, cancellationToken);
        }

        var now = clock.GetUtcNow();
        Routine? routine;
        if (RoutineId == 0)
        {
            var user = await guests.GetOrCreateAsync(User, Tz);
            routine = new Routine { OwnerId = user.Id, Name = NewName!.Trim(), CreatedAt = now };
            db.Routines.Add(routine);
        }
        else
        {
            routine = await db.Routines.OwnedBy(User.UserId()).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == RoutineId, cancellationToken);
            if (routine is null)
            {
                return NotFound();
            }

            if (await db.FollowsProgramAsync(routine.Id, cancellationToken))
            {
                this.Flash(FollowedRoutines.ReadOnly);
                return Back(routine, slug);
            }
        }

        if (routine.Holds(slug))
        {
            this.Flash($"{stretch.Title} is already in “{routine.Name}”.");
            return Back(routine, slug);
        }

        if (routine.Append([slug], now) is null)
        {
            this.Flash($"{AccountLimits.ItemsFull} {stretch.Title} was not added to “{routine.Name}”.");
            return Back(routine, slug);
        }

        await db.SaveChangesAsync(cancellationToken);
        this.Flash($"Added {stretch.Title} to “{routine.Name}”.");
        return Back(routine, slug);
    }

    private LocalRedirectResult Back(Routine routine, string slug) => this.RedirectBack(ReturnUrl, $"/routines/{routine.Id}", $"stretch-{slug}");
}
