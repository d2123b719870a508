using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>Makes a personal access token (shown once, on this response only) and revokes one.</summary>
// The new token is shown once: never stored by the browser or anything between.
[Authorize, NoStore]
public sealed class TokensModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Give the token a name, e.g. the app that will use it."), StringLength(ApiToken.NameMaxLength, ErrorMessage = "Keep the name under {1} characters."), PlainText]
        public string? Name { get; set; }

        public List<string> Scopes { get; set; } = [];

        [Display(Name = "Expires after")]
        public int ExpiresInDays { get; set; } = 90;
    }

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    /// <summary>The new token; only ever on the response to the POST that made it.</summary>
    public string? NewToken { get; private set; }

    public DateTimeOffset NewTokenExpiresAt { get; private set; }

    public IActionResult OnGet() => RedirectToPage("Manage", null, "tokens");

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ApiTokens.ScopesError(Input.Scopes) is { } scopesError)
        {
            ModelState.AddModelError("Input.Scopes", scopesError);
        }

        if (ApiTokens.ExpiryError(Input.ExpiresInDays) is { } expiryError)
        {
            ModelState.AddModelError("Input.ExpiresInDays", expiryError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        (NewToken, NewTokenExpiresAt) = await db.IssueAsync(User.UserId()!, Input.Name!.Trim(), Input.Scopes, Input.ExpiresInDays, clock.GetUtcNow(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var revoked = await db.ApiTokens.TagWith(UserDataChanges.TagOwners(User.UserId()!)).OwnedBy(User.UserId()).Where(t => t.Id == id && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, clock.GetUtcNow()), cancellationToken);
        if (revoked == 0)
        {
            return NotFound();
        }

        this.Flash("Token revoked. Apps using it can no longer reach your account.");
        return RedirectToPage("Manage", null, "tokens");
    }
}
