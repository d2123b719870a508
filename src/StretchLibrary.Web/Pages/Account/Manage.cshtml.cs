using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Account;

[Authorize]
public sealed class ManageModel(UserManager<AppUser> users, AccountSettings settings, AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record TokenRow(int Id, string Name, string Scopes, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    [BindProperty]
    public PasswordChange Password { get; set; } = new();

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
        if (!ModelState.IsValid)
        {
            return await OnGetAsync();
        }

        if (await settings.ChangePasswordAsync(User, Password) is { Count: > 0 } problems)
        {
            foreach (var (field, problem) in problems)
            {
                ModelState.AddModelError($"{nameof(Password)}.{field}", problem);
            }

            return await OnGetAsync();
        }

        this.Flash("Password changed.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTimeZoneAsync()
    {
        if (!await settings.SetTimeZoneAsync(User, TimeZone))
        {
            ModelState.AddModelError(nameof(TimeZone), AccountSettings.UnknownZone);
            return await OnGetAsync();
        }

        this.Flash($"Time zone set to {TimeZone}.");
        return RedirectToPage();
    }
}
