using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Clinic.Programs;

/// <summary>A new, empty program; the clinician adds stretches and dosage on its routine page.</summary>
[Authorize]
public sealed class NewModel(ClinicWorkspace workspace) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Give the program a name."), StringLength(Routine.NameMaxLength, ErrorMessage = "Keep the name under {1} characters."), PlainText]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Range(1, 21, ErrorMessage = "Choose between {1} and {2} times a week, or leave it empty.")]
    [Display(Name = "Times a week")]
    public int? WeeklyTarget { get; set; }

    [BindProperty, StringLength(Routine.NotesMaxLength, ErrorMessage = "Keep the notes under {1} characters."), PlainText(MultiLine = true)]
    [Display(Name = "Notes for the patient (optional)")]
    public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await workspace.ProfileAsync(User.UserId(), cancellationToken) is null ? RedirectToPage("/Clinic/Profile") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (await workspace.ProfileAsync(userId, cancellationToken) is null)
        {
            return RedirectToPage("/Clinic/Profile");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        if (await workspace.NewProgramAsync(userId, Name!.Trim(), WeeklyTarget, notes, cancellationToken) is not { } program)
        {
            ModelState.AddModelError(nameof(Name), AccountLimits.RoutinesFull);
            return Page();
        }

        this.Flash($"Created the program “{program.Name}”. Add stretches from the stretch list, then set each one’s dosage.");
        return Redirect($"/routines/{program.Id}");
    }
}
