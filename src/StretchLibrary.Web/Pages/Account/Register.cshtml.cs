using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>
/// Creates an account through <see cref="Registration"/>, which answers "check your email" whether or not the
/// address is taken. A guest stays a guest until they sign in, which moves their routines into the account.
/// </summary>
public sealed class RegisterModel(Registration registration) : PageModel
{
    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(254)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password."), StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "Use at least {2} characters (a passphrase of a few words works well) and at most {1}.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "The two passwords don’t match."), StringLength(PasswordPolicy.MaxLength)]
        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    /// <summary>After a registration: "check your email", whatever happened.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public bool IsGuest => User.HasClaim(GuestAccounts.GuestClaim, "1");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var refused = await registration.RegisterAsync(Input.Email, Input.Password);
        foreach (var error in refused)
        {
            // A refusal's reasons go next to the password, or above the form.
            ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
        }

        return refused.Count > 0 ? Page() : RedirectToPage(new { sent = true });
    }
}
