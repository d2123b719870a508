using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>
/// Creates an account, or tells the owner of a taken address by mail: the page answers "check your email" either
/// way, in the same time (one password hash), so it does not tell whether an address has an account. A guest stays a
/// guest until they sign in, which moves their routines into the account.
/// </summary>
public sealed class RegisterModel(UserManager<AppUser> users, AccountMail mail, TimeProvider clock) : PageModel
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

        var email = Input.Email.Trim();
        var now = clock.GetUtcNow();
        var account = new AppUser { UserName = email, Email = email, CreatedAt = now, LastSeenAt = now };
        // The password rules read only what was typed, so they answer alike for a taken address.
        if (!AddErrors(await CheckPasswordAsync(account)))
        {
            return Page();
        }

        if (await users.FindByNameAsync(email) is { } owner)
        {
            // As long as creating an account takes (its cost is the hash); the owner hears of it by mail.
            users.PasswordHasher.HashPassword(account, Input.Password);
            mail.SendRegistrationAttempt(owner);
            return RedirectToPage(new { sent = true });
        }

        var result = await users.CreateAsync(account, Input.Password);
        if (result.Succeeded)
        {
            await mail.SendConfirmationAsync(account);
        }
        else if (!result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            // (A name taken meanwhile by a racing registration gets the answer of any taken address.)
            AddErrors(result);
            return Page();
        }

        return RedirectToPage(new { sent = true });
    }

    private async Task<IdentityResult> CheckPasswordAsync(AppUser account)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, account, Input.Password)).Errors);
        }

        return errors.Count > 0 ? IdentityResult.Failed([.. errors]) : IdentityResult.Success;
    }

    /// <summary>Shows a refusal's reasons next to the fields; false when there were any.</summary>
    private bool AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
        }

        return result.Succeeded;
    }
}
