using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>"Add to routine": a small confirm page, so stretch pages carry no form or cookie.</summary>
[CreatesGuest]
public sealed class AddModel(AppDbContext db, ContentStore content, GuestAccounts guests, TimeProvider clock) : PageModel
{
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
        Routines = await AddToRoutine.ChoicesAsync(db, User.UserId(), slug, cancellationToken);
        if (HttpMethods.IsGet(Request.Method))
        {
            RoutineId = Routines.Count > 0 ? Routines[0].Id : 0;
            NewName = Routines.Count > 0 ? null : AddToRoutine.FirstRoutineName;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (content.Current.FindStretch(slug) is not { } stretch)
        {
            return NotFound();
        }

        if (await AddToRoutine.NewRoutineProblemAsync(db, User.UserId(), RoutineId, NewName, cancellationToken) is { } problem)
        {
            ModelState.AddModelError(nameof(NewName), problem);
        }

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(slug, cancellationToken);
        }

        if (await AddToRoutine.AddAsync(db, User.UserId(), stretch, slug, RoutineId, NewName, async () => (await guests.GetOrCreateAsync(User, Tz)).Id, clock.GetUtcNow(), cancellationToken) is not { } added)
        {
            return NotFound();
        }

        this.Flash(added.Message);
        return this.RedirectBack(ReturnUrl, $"/routines/{added.RoutineId}", $"stretch-{slug}");
    }
}
