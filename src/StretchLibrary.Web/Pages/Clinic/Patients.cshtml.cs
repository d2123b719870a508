using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Pages.Clinic;

/// <summary>The clinician's patients (those who accepted one of their programs), sortable, with what each one shares.</summary>
[Authorize, NoStore]
public sealed class PatientsModel(PatientRecords records, CurrentUser currentUser) : PageModel
{
    /// <summary>The orders offered, by the name the address uses (?sort=).</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
    [
        ("name", "Name"), ("week", "This week against target"), ("last", "Last done"), ("streak", "Streak"), ("flags", "Flags"),
    ];

    public IReadOnlyList<PatientProgress> Patients { get; private set; } = [];

    public string Sort { get; private set; } = "name";

    public async Task<IActionResult> OnGetAsync(string? sort, CancellationToken cancellationToken)
    {
        Sort = Sorts.Any(s => s.Key == sort) ? sort! : "name";
        var today = currentUser.Today;
        var found = await records.ForClinicianAsync(currentUser.Id!, PatientProgress.Since(today), "your progress in the patient list", cancellationToken);
        Patients = Order(found.Select(r => PatientProgress.Of(r, today)), Sort);
        return Page();
    }

    /// <summary>
    /// Those who need attention first: fewest sessions against target, longest since last done, shortest streak, most
    /// flags. Patients who share no sessions come last in every order but by name.
    /// </summary>
    public static IReadOnlyList<PatientProgress> Order(IEnumerable<PatientProgress> patients, string sort)
    {
        var shared = patients.OrderBy(p => sort != "name" && !p.Shared);
        var ordered = sort switch
        {
            "week" => shared.ThenBy(p => p.WeekShare),
            "last" => shared.ThenBy(p => p.LastDone ?? DateOnly.MinValue),
            "streak" => shared.ThenBy(p => p.Streak),
            "flags" => shared.ThenByDescending(p => p.Flags.Count),
            _ => shared,
        };
        return [.. ordered.ThenBy(p => p.Link.PatientName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Link.Id)];
    }
}
