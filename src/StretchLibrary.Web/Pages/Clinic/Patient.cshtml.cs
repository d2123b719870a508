using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Pages.Clinic;

/// <summary>One patient of the clinician: adherence, 12-week calendar, pain trend and sessions, as far as consent allows.</summary>
[Authorize, NoStore]
public sealed class PatientModel(PatientRecords records, CurrentUser currentUser) : PageModel
{
    public PatientProgress Patient { get; private set; } = default!;

    public IReadOnlyDictionary<DateOnly, int> CountsByDate { get; private set; } = new Dictionary<DateOnly, int>();

    public IReadOnlyList<PainPoint> Pain { get; private set; } = [];

    /// <summary>Newest first, for the table.</summary>
    public IReadOnlyList<SharedSession> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var today = currentUser.Today;
        if (await records.ForPatientAsync(currentUser.Id!, id, PatientProgress.Since(today), "your 12-week view", cancellationToken) is not { } record)
        {
            return NotFound();
        }

        Patient = PatientProgress.Of(record, today);
        CountsByDate = record.Sessions.GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Count());
        Pain = record.Link.SharePain ? [.. record.Sessions.Select(s => new PainPoint(s.Date, s.PainBefore, s.PainAfter))] : [];
        Sessions = [.. record.Sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.CompletedAtUtc)];
        return Page();
    }
}
