using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Pages.Clinic;

/// <summary>The clinician's weekly adherence download: 12 weeks per patient who shares sessions.</summary>
[Authorize, NoStore]
public sealed class PatientsCsvModel(PatientRecords records, CurrentUser currentUser) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = currentUser.Today;
        var found = await records.ForClinicianAsync(currentUser.Id!, PatientProgress.Since(today), "weekly adherence (CSV)", cancellationToken);
        var patients = PatientsModel.Order(found.Select(r => PatientProgress.Of(r, today)), "name");
        return File(AdherenceCsv.Write(patients), "text/csv; charset=utf-8", $"patients-adherence-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
    }
}
