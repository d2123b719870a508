using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages.Account;

[Authorize]
public sealed class ManageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record TokenRow(int Id, string Name, string Scopes, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password."), StringLength(PasswordPolicy.MaxLength)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password."), StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "Use at least {2} and at most {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string New { get; set; } = "";
    }

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty, Display(Name = "Time zone"), StringLength(LocalClock.MaxZoneLength)]
    public string? TimeZone { get; set; }

    public AppUser Account { get; private set; } = default!;

    /// <summary>The user's personal access tokens, newest first; revoked and expired ones stay listed as such.</summary>
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = (await users.GetUserAsync(User))!;
        Now = clock.GetUtcNow();
        Tokens = await db.ApiTokens.AsNoTracking().OwnedBy(Account.Id).OrderByDescending(t => t.Id)
            .Select(t => new TokenRow(t.Id, t.Name, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToListAsync();
        TimeZone ??= Account.TimeZoneId;
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = (await users.GetUserAsync(User))!;
        if (!ModelState.IsValid)
        {
            return await OnGetAsync();
        }

        var result = await users.ChangePasswordAsync(user, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", error.Description);
            }

            return await OnGetAsync();
        }

        await signIn.RefreshSignInAsync(user);
        this.Flash("Password changed.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTimeZoneAsync()
    {
        var user = (await users.GetUserAsync(User))!;
        if (!LocalClock.IsKnownZone(TimeZone))
        {
            ModelState.AddModelError(nameof(TimeZone), "Unknown time zone. Use a name like Europe/London or America/New_York.");
            return await OnGetAsync();
        }

        user.TimeZoneId = TimeZone!;
        await users.UpdateAsync(user);
        this.Flash($"Time zone set to {TimeZone}.");
        return RedirectToPage();
    }
}
