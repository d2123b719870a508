using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages.Account;

public sealed class LoginModel(PasswordSignIn signIn, GuestAccounts guests) : PageModel
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

    /// <summary>Sent here by a page that needed a sign-in, from a session that a new password ended.</summary>
    public bool EndedByNewPassword => Request.Query["ended"] == "password";

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
        // One message for a wrong password, an unknown address and a locked account: none tells which.
        if (await signIn.SignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe) is not { } user)
        {
            ModelState.AddModelError(string.Empty, PasswordSignIn.Failed);
            return Page();
        }

        // Routines saved as a guest in this browser move into the account signed in to.
        if (guestId is not null)
        {
            await guests.MergeGuestIntoAsync(guestId, user.Id, cancellationToken);
        }

        return this.RedirectBack(ReturnUrl, "/routines");
    }
}
