using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

[CreatesGuest]
public sealed class IndexModel(AppDbContext db, ContentStore content, GuestAccounts guests, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RoutineRow> Routines { get; private set; } = [];

    public IReadOnlyList<StarterRoutine> Starters { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Give the routine a name."), StringLength(Routine.NameMaxLength, ErrorMessage = "Keep the name under {1} characters."), PlainText]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    /// <summary>The browser's time zone, filled in by site.js; ignored when unknown (the visitor cannot fix a hidden field).</summary>
    [BindProperty]
    public string? Tz { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Routines = await RoutineRow.ListAsync(db, User.UserId(), cancellationToken);
        Starters = content.Current.Starters;
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && !await db.HasRoomForRoutineAsync(User.UserId(), cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), AccountLimits.RoutinesFull);
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var user = await guests.GetOrCreateAsync(User, Tz);
        var now = clock.GetUtcNow();
        var routine = new Routine { OwnerId = user.Id, Name = Name!.Trim(), CreatedAt = now, UpdatedAt = now };
        db.Routines.Add(routine);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash($"Created “{routine.Name}”. Add stretches from any stretch page.");
        return RedirectToPage("Details", new { id = routine.Id });
    }

    public async Task<IActionResult> OnPostCopyStarterAsync(string slug, CancellationToken cancellationToken)
    {
        if (content.Current.FindStarter(slug) is not { } starter)
        {
            return NotFound();
        }

        if (!await db.HasRoomForRoutineAsync(User.UserId(), cancellationToken))
        {
            this.Flash(AccountLimits.RoutinesFull);
            return RedirectToPage();
        }

        var user = await guests.GetOrCreateAsync(User, Tz);
        var routine = RoutineCopies.FromStarter(starter, user.Id, clock.GetUtcNow());
        db.Routines.Add(routine);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash($"Copied “{starter.Title}” to your routines.");
        return RedirectToPage("Details", new { id = routine.Id });
    }
}
