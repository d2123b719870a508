using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>Chooses a new password from an emailed link; an expired or used link says so and offers a new one.</summary>
public sealed class ResetPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user"), StringLength(64)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true), StringLength(2048)]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a new password."), StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "Use at least {2} characters (a passphrase of a few words works well) and at most {1}.")]
    [DataType(DataType.Password), Display(Name = "New password")]
    public string Password { get; set; } = "";

    public bool LinkWorks { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkWorks = await reset.LinkWorksAsync(UserId, Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await reset.ReadLinkAsync(UserId, Code) is not var (user, token))
        {
            return await OnGetAsync();
        }

        LinkWorks = true;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await reset.ResetAsync(user, token, Password) is { } refused)
        {
            LinkWorks = refused.LinkWorks;
            Array.ForEach(refused.Problems, problem => ModelState.AddModelError(nameof(Password), problem));
            return Page();
        }

        this.Flash("Your password is changed. Sign in with the new one.");
        return Redirect("/account/login");
    }
}
