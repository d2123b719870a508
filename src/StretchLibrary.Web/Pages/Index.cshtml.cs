using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Components;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages;

/// <summary>The home page: areas, a first set, ready-made routines, and for a returning visitor the routine to continue.</summary>
[CacheForAnonymous]
public sealed class IndexModel(ContentStore store, AppDbContext db, CurrentUser currentUser, IAntiforgery antiforgery) : PageModel
{
    /// <summary>The routine to pick up again: the one done last (or changed last, if none was done yet).</summary>
    public sealed record ContinueRoutine(int Id, string Name, string LastDoneText);

    public IReadOnlyList<(Category Category, int Count)> Categories { get; private set; } = [];

    /// <summary>The first stretch of each category: a short set to begin with.</summary>
    public IReadOnlyList<Stretch> StartHere { get; private set; } = [];

    public IReadOnlyList<Guide> Guides { get; private set; } = [];

    public IReadOnlyList<StarterRoutine> Starters { get; private set; } = [];

    public ContinueRoutine? Continue { get; private set; }

    public CardPicker? Picker { get; private set; }

    /// <summary>This page's own address, for "Add to routine" to come back to.</summary>
    public string ListUrl => Request.Path + Request.QueryString;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var content = store.Current;
        Categories = [.. Enum.GetValues<Category>().Select(c => (c, content.Stretches.Count(s => s.Category == c)))];
        StartHere = [.. content.Stretches.GroupBy(s => s.Category).Select(g => g.First())];
        Guides = content.Guides;
        Starters = content.Starters;
        if (currentUser.Id is not { } userId)
        {
            return;
        }

        var last = await db.Routines.AsNoTracking().OwnedBy(userId)
            .Select(r => new { r.Id, r.Name, r.UpdatedAt, LastDone = r.Completions.Max(c => (DateOnly?)c.LocalDate) })
            .OrderByDescending(r => r.LastDone).ThenByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is not null)
        {
            Continue = new ContinueRoutine(last.Id, last.Name, LastDone(last.LastDone, currentUser.Today));
        }

        Picker = (await PickTarget.LoadAsync(db, userId, null, cancellationToken))?.ForCards(HttpContext, antiforgery);
    }

    /// <summary>"today", "yesterday", "3 days ago", "on 2 Mar 2026", or "not done yet".</summary>
    public static string LastDone(DateOnly? date, DateOnly today) => date switch
    {
        null => "not done yet",
        { } d when d >= today => "last done today",
        { } d when d == today.AddDays(-1) => "last done yesterday",
        { } d when d > today.AddDays(-7) => $"last done {today.DayNumber - d.DayNumber} days ago",
        { } d => $"last done on {d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
    };
}
