using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Tracking;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// The reminder form, and the .ics download when the form is submitted (a GET, so the link can be bookmarked and
/// the file downloaded again with the same choices).
/// </summary>
public sealed class ReminderModel(AppDbContext db, CurrentUser currentUser, ContentStore content) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "days")]
    public List<DayOfWeek> Days { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "time")]
    public string? Time { get; set; }

    public string RoutineName { get; private set; } = "";

    public ReminderFormView Form { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedWithItems(currentUser.Id).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        var zone = currentUser.TimeZoneId;
        RoutineName = routine.Name;
        // The form always sends a time; without one this is the first visit, so show the defaults.
        var submitted = Request.Query.ContainsKey("time");
        Form = submitted ? new ReminderFormView(id, Days, Time ?? "", zone) : ReminderFormView.Default(id, zone);
        if (!submitted)
        {
            return Page();
        }

        if (Days.Count == 0 && ModelState.GetFieldValidationState("days") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("days", "Choose at least one day.");
        }

        if (!TimeOnly.TryParseExact(Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            ModelState.AddModelError("time", "Enter a time as hours and minutes, e.g. 08:00.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var snapshot = content.Current;
        var lines = routine.Items.OrderBy(i => i.Position).Select(i => Describe(ItemView.From(i, snapshot))).ToList();
        var link = new Uri(Url.PageLink("Details", values: new { id })!);
        var ics = ReminderCalendar.Create(new ReminderRequest(id, routine.OwnerId, routine.Name, lines, link, [.. Days.Distinct()], time, currentUser.Zone), currentUser.Now);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", ReminderCalendar.FileName(routine.Name));
    }

    private static string Describe(ItemView item) =>
        item.Stretch is null ? $"{item.Slug} (no longer in the library)"
        : item.Note is null ? $"{item.Title}: {item.Dosage!.Describe()}"
        : $"{item.Title}: {item.Dosage!.Describe()} ({item.Note})";
}
