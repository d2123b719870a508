using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Accounts;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>
/// Asks for a password reset link. The answer is the same whether or not the address has an account, and the
/// mail goes out from a queue, so neither the page nor its timing tells.
/// </summary>
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountMail mail, IOptions<PasswordResetTokenProviderOptions> reset) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(254)]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public TimeSpan LinkLifetime => reset.Value.TokenLifespan;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByNameAsync(Email.Trim()) is { IsGuest: false } user)
        {
            await mail.SendPasswordResetAsync(user, LinkLifetime);
        }

        return RedirectToPage(new { sent = true });
    }
}
