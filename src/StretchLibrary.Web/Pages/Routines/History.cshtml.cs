using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

public sealed class HistoryModel(AppDbContext db, ContentStore content) : PageModel
{
    public const int PageSize = 20;

    public string RoutineName { get; private set; } = "";

    public IReadOnlyList<HistoryRow> Rows { get; private set; } = [];

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int p = 1, CancellationToken cancellationToken = default)
    {
        var userId = User.UserId();
        var name = await db.Routines.OwnedBy(userId).Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        RoutineName = name;
        var completions = db.Completions.AsNoTracking().OwnedBy(userId).Where(c => c.RoutineId == id);
        Total = await completions.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        var rows = await completions.OrderByDescending(c => c.LocalDate).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new HistoryRow(c.Id, c.LocalDate, c.StretchSlugs, c.PainBefore, c.PainAfter, c.Note))
            .ToListAsync(cancellationToken);
        Rows = [.. rows.Select(r => r.Titled(content.Current))];
        return Page();
    }
}
