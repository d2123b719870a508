using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// The guided session: one stretch at a time. session.js turns it into a timed player; without JavaScript it
/// is a page per stretch with previous/next links and, at the end, the "Mark done" form.
/// </summary>
public sealed class PlayModel(AppDbContext db, CurrentUser currentUser, ContentStore content, IOptions<PlayerOptions> options) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int RoutineId { get; private set; }

    public string RoutineName { get; private set; } = "";

    public IReadOnlyList<SessionStretch> Stretches { get; private set; } = [];

    /// <summary>1-based stretch shown without JavaScript; one past the last is the finish page.</summary>
    public int Step { get; private set; }

    public bool IsFinish => Step > Stretches.Count;

    public DoneFormView Finish { get; private set; } = default!;

    /// <summary>
    /// The plan for session.js, embedded as a JSON data block (not executable, so CSP-safe). Its version (a hash
    /// of the stretches and their blocks) keys the saved place in the session: a changed routine or stretch starts
    /// afresh rather than resuming somewhere that no longer exists.
    /// </summary>
    public string PlanJson
    {
        get
        {
            var stretches = JsonSerializer.Serialize(Stretches, Json);
            var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stretches)))[..16];
            return $$"""{"routineId":{{RoutineId}},"version":"{{version}}","stretches":{{stretches}}}""";
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, int step = 1, CancellationToken cancellationToken = default)
    {
        var routine = await db.Routines.AsNoTracking().OwnedWithItems(currentUser.Id).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        var snapshot = content.Current;
        var items = routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, snapshot)).Where(i => i.Stretch is not null).ToArray();
        (RoutineId, RoutineName) = (routine.Id, routine.Name);
        Stretches = SessionPlan.For(items, options.Value.HoldScale);
        Step = Math.Clamp(step, 1, Stretches.Count + 1);
        Finish = new DoneFormView(id, currentUser.Today, items);
        PlayerChrome.Use(this, routine.Name, $"/routines/{routine.Id}");
        return Page();
    }
}
