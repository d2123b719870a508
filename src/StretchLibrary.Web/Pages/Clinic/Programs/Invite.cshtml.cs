using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Clinic.Programs;

/// <summary>Invites one patient to a program: a label for them, how long the invitation stays open, and an optional email.</summary>
[Authorize]
public sealed class InviteModel(StretchLibrary.Web.Clinic.Programs programs, ClinicWorkspace workspace, Inviting inviting) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Give the patient’s name or a label you will recognise."), StringLength(Invitation.PatientNameMaxLength, ErrorMessage = "Keep the name under {1} characters."), PlainText]
    [Display(Name = "Patient’s name or label")]
    public string? PatientName { get; set; }

    [BindProperty]
    public int Days { get; set; } = Invitation.DefaultDays;

    [BindProperty, StringLength(Invitation.EmailMaxLength, ErrorMessage = "Keep the address under {1} characters."), EmailAddress(ErrorMessage = "Enter an email address like name@example.org, or leave it empty.")]
    [Display(Name = "Patient’s email (optional)")]
    public string? Email { get; set; }

    public string ProgramName { get; private set; } = "";

    public int ProgramId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await programs.FindProgramAsync(User.UserId()!, id, cancellationToken) is not { } program)
        {
            return NotFound();
        }

        (ProgramId, ProgramName) = (program.Id, program.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        var program = await programs.FindProgramAsync(userId, id, cancellationToken);
        var profile = await workspace.ProfileAsync(userId, cancellationToken);
        if (program is null || profile is null)
        {
            return NotFound();
        }

        (ProgramId, ProgramName) = (program.Id, program.Name);
        var email = Inviting.Email(Email);
        await inviting.CheckAsync(userId, Days, email, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var made = await inviting.InviteAsync(program, profile, PatientName!.Trim(), Days, email, cancellationToken);
        this.Flash(email is null ? $"Invitation for {made.Invitation.PatientName} made." : $"Invitation for {made.Invitation.PatientName} made and emailed to {email}.");
        return RedirectToPage("/Clinic/Invitations/Details", new { id = made.Invitation.Id });
    }
}
