using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Security;

namespace StretchLibrary.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, GuestAccounts guests) : PageModel
{
    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address."), StringLength(254)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password."), StringLength(PasswordPolicy.MaxLength)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; } = true;
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true), StringLength(2048)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var guestId = User.HasClaim(GuestAccounts.GuestClaim, "1") ? User.UserId() : null;
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "Too many failed attempts. The account is locked for 15 minutes.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "That email and password don’t match an account.");
            return Page();
        }

        // Routines saved as a guest in this browser move into the account signed in to.
        if (guestId is not null && await users.FindByNameAsync(Input.Email.Trim()) is { } user)
        {
            await guests.MergeGuestIntoAsync(guestId, user.Id, cancellationToken);
        }

        return this.RedirectBack(ReturnUrl, "/routines");
    }
}
