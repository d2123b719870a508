using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Clinic;

/// <summary>Turns on (or edits) the account's clinician profile: the name and clinic patients see. Not for guests.</summary>
[Authorize]
public sealed class ProfileModel(ClinicWorkspace workspace) : PageModel
{
    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Give the name your patients will see."), StringLength(ClinicianProfile.NameMaxLength, ErrorMessage = "Keep the name under {1} characters."), PlainText]
        [Display(Name = "Your name, as patients will see it")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Give the name of your clinic or practice."), StringLength(ClinicianProfile.NameMaxLength, ErrorMessage = "Keep the clinic's name under {1} characters."), PlainText]
        [Display(Name = "Clinic or practice")]
        public string? ClinicName { get; set; }

        [StringLength(ClinicianProfile.ContactMaxLength, ErrorMessage = "Keep the contact line under {1} characters."), PlainText]
        [Display(Name = "Contact line (optional)")]
        public string? ContactLine { get; set; }
    }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>A guest account, which cannot be a clinician's: the page explains and offers to register.</summary>
    public bool IsGuest { get; private set; }

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        IsGuest = await workspace.IsGuestAsync(userId, cancellationToken);
        var profile = await workspace.ProfileAsync(userId, cancellationToken);
        IsNew = profile is null;
        if (HttpMethods.IsGet(Request.Method) && profile is not null)
        {
            Input = new ProfileInput { DisplayName = profile.DisplayName, ClinicName = profile.ClinicName, ContactLine = profile.ContactLine };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (await workspace.IsGuestAsync(userId, cancellationToken))
        {
            await OnGetAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(cancellationToken);
        }

        var contact = string.IsNullOrWhiteSpace(Input.ContactLine) ? null : Input.ContactLine.Trim();
        await workspace.SaveProfileAsync(userId, Input.DisplayName!.Trim(), Input.ClinicName!.Trim(), contact, cancellationToken);
        this.Flash("Clinician profile saved.");
        return RedirectToPage("Index");
    }
}
