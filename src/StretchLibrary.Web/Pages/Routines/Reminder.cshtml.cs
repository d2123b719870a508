using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// The reminder form: shows the saved days and times; saving them (per routine) leads straight to the .ics
/// download, and the calendar subscription follows them.
/// </summary>
public sealed class ReminderModel(AppDbContext db, CurrentUser currentUser, ContentStore content, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "days")]
    public List<DayOfWeek> Days { get; set; } = [];

    [BindProperty(Name = "time")]
    public List<string?> Times { get; set; } = [];

    public string RoutineName { get; private set; } = "";

    public ReminderFormView Form { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedWithItems(currentUser.Id).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        RoutineName = routine.Name;
        var slots = ReminderSchedule.SlotsFor(routine.Items.Select(i => ItemView.From(i, content.Current)));
        var zone = currentUser.TimeZoneId;
        Form = Request.HasFormContentType
            ? new ReminderFormView(id, Days, [.. Times.Select(t => t ?? "")], Math.Max(slots, Math.Min(Times.Count, ReminderSettings.MaxTimesPerDay)), zone)
            : ReminderFormView.From(id, await db.ScheduleAsync(routine.OwnerId, routine, cancellationToken), slots, zone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedWithItems(currentUser.Id).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        var slots = ReminderSchedule.SlotsFor(routine.Items.Select(i => ItemView.From(i, content.Current)));
        var times = Validate(slots);
        if (!ModelState.IsValid)
        {
            return await OnGetAsync(id, cancellationToken);
        }

        await db.SaveReminderAsync(routine, Days, times, clock.GetUtcNow(), cancellationToken);
        return Redirect($"/routines/{id}/reminder.ics");
    }

    /// <summary>Checks the days and the times; errors go next to the fields.</summary>
    private List<TimeOnly> Validate(int slots)
    {
        if (Days.Count == 0 && ModelState.GetFieldValidationState("days") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("days", "Choose at least one day.");
        }

        if (ReminderSchedule.ReadTimes(Times, slots, out var times) is { } error)
        {
            ModelState.AddModelError("time", error);
        }

        return times;
    }
}
