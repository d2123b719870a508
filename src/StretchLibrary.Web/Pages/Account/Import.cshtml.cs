using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Routines.Export;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>Imports a JSON export through <see cref="RoutineImport"/>: whole, or not at all with every problem listed.</summary>
[RequestSizeLimit(RoutineImport.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RoutineImport.MaxRequestBytes)]
[CreatesGuest]
[TooLargeUpload]
public sealed class ImportModel(RoutineImport import) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Tz { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>How many problems the file has; only the first <see cref="ImportReader.MaxErrors"/> are in <see cref="Errors"/>.</summary>
    public int ErrorCount { get; private set; }

    /// <param name="problem">"too-large" after an upload refused before it was read (see <see cref="TooLargeUploadAttribute"/>).</param>
    public void OnGet(string? problem)
    {
        if (problem == TooLargeUploadAttribute.Problem)
        {
            ModelState.AddModelError(nameof(Upload), RoutineImport.TooLargeMessage);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RoutineImport.UploadProblem(Upload) is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            return Page();
        }

        var imported = await import.ImportAsync(User, Upload!, Tz, cancellationToken);
        if (!imported.Succeeded)
        {
            (Errors, ErrorCount) = (imported.Errors, imported.ErrorCount);
            return Page();
        }

        var (routines, sessions) = (imported.Routines, imported.Sessions);
        this.Flash($"Imported {routines} {(routines == 1 ? "routine" : "routines")} with {sessions} {(sessions == 1 ? "session" : "sessions")}.");
        return RedirectToPage("/Routines/Index");
    }
}
