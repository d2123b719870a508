using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Security;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>Creates an account; for a guest, claims the guest account so its routines and history stay.</summary>
public sealed class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMail mail, TimeProvider clock) : PageModel
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
        if (await users.FindByNameAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "An account with this email already exists. Sign in instead.");
            return Page();
        }

        var user = IsGuest ? await users.GetUserAsync(User) : null;
        var now = clock.GetUtcNow();
        IdentityResult result;
        if (user is { IsGuest: true })
        {
            result = await ClaimGuestAsync(user, email, now);
        }
        else
        {
            user = new AppUser { UserName = email, Email = email, CreatedAt = now, LastSeenAt = now };
            result = await users.CreateAsync(user, Input.Password);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }

            return Page();
        }

        await mail.SendConfirmationAsync(user);
        // A fresh sign-in: new cookie, and no guest claim any more.
        await signIn.SignOutAsync();
        await signIn.SignInAsync(user, isPersistent: true);
        this.Flash($"Your account is ready and your routines are saved to it. We sent a link to {email}: open it to confirm the address.");
        return LocalRedirect("/routines");
    }

    /// <summary>Gives the guest account an email and password; a refused password leaves the guest as it was.</summary>
    private async Task<IdentityResult> ClaimGuestAsync(AppUser guest, string email, DateTimeOffset now)
    {
        var candidate = new AppUser { UserName = email, Email = email };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, candidate, Input.Password)).Errors);
        }

        if (errors.Count > 0)
        {
            return IdentityResult.Failed([.. errors]);
        }

        guest.UserName = email;
        guest.Email = email;
        guest.IsGuest = false;
        guest.LastSeenAt = now;
        var result = await users.UpdateAsync(guest);
        return result.Succeeded ? await users.AddPasswordAsync(guest, Input.Password) : result;
    }
}
