using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Tracking;

namespace StretchLibrary.Web.Accounts;

/// <summary>
/// Lets a visitor save without registering: the first save creates a guest account, kept by a persistent
/// sign-in cookie, which can later be claimed with an email and password.
/// </summary>
public sealed class GuestAccounts(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, UserChanges changes, TimeProvider clock)
{
    /// <summary>The claim that marks a guest's sign-in, so pages can offer to claim the account without a query.</summary>
    public const string GuestClaim = "guest";

    /// <summary>Unclaimed guests with no activity for this long are deleted with their data.</summary>
    public static readonly TimeSpan GuestRetention = TimeSpan.FromDays(180);

    /// <summary>The signed-in user, or a new guest signed in now. Also records the browser's time zone when given.</summary>
    public async Task<AppUser> GetOrCreateAsync(ClaimsPrincipal principal, string? timeZone)
    {
        var user = await users.GetUserAsync(principal);
        var now = clock.GetUtcNow();
        if (user is null)
        {
            user = new AppUser
            {
                UserName = "guest-" + Guid.NewGuid().ToString("n"),
                IsGuest = true,
                CreatedAt = now,
                LastSeenAt = now,
                TimeZoneId = LocalClock.IsKnownZone(timeZone) ? timeZone! : "UTC",
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Could not create a guest account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await signIn.SignInWithClaimsAsync(user, isPersistent: true, [new Claim(GuestClaim, "1")]);
            return user;
        }

        await TouchAsync(user, timeZone);
        return user;
    }

    /// <summary>Notes activity (guests are kept while active) and a newly reported time zone.</summary>
    public async Task TouchAsync(AppUser user, string? timeZone)
    {
        var changed = false;
        if (LocalClock.IsKnownZone(timeZone) && user.TimeZoneId != timeZone)
        {
            user.TimeZoneId = timeZone!;
            changed = true;
        }

        var now = clock.GetUtcNow();
        if (now - user.LastSeenAt > TimeSpan.FromHours(1))
        {
            user.LastSeenAt = now;
            changed = true;
        }

        if (changed)
        {
            await users.UpdateAsync(user);
        }
    }

    /// <summary>
    /// Moves everything a guest owns (routines, sessions, share links, reminders, feeds, access tokens, idempotency
    /// keys) to the account they just signed in to, then deletes the guest.
    /// </summary>
    public async Task MergeGuestIntoAsync(string guestId, string userId, CancellationToken cancellationToken)
    {
        var guest = await users.FindByIdAsync(guestId);
        if (guest is not { IsGuest: true } || guestId == userId)
        {
            return;
        }

        // One unit for the execution strategy, so a busy database retries the whole move.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A log (or API request) sent both as the guest and to the account has one client id (or key) on both
            // sides, which the account may hold only once: the account's copy stays, the guest's is dropped.
            await db.Completions.Where(c => c.OwnerId == guestId && c.ClientId != null && db.Completions.Any(a => a.OwnerId == userId && a.ClientId == c.ClientId))
                .ExecuteDeleteAsync(ct);
            await db.ApiIdempotencyKeys.Where(k => k.OwnerId == guestId && db.ApiIdempotencyKeys.Any(a => a.OwnerId == userId && a.Key == k.Key))
                .ExecuteDeleteAsync(ct);
            await db.Routines.Where(r => r.OwnerId == guestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, userId), ct);
            await db.Completions.Where(c => c.OwnerId == guestId).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, userId), ct);
            await db.ShareLinks.Where(l => l.OwnerId == guestId).ExecuteUpdateAsync(s => s.SetProperty(l => l.OwnerId, userId), ct);
            await db.Reminders.Where(r => r.OwnerId == guestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, userId), ct);
            await db.CalendarFeeds.Where(f => f.OwnerId == guestId).ExecuteUpdateAsync(s => s.SetProperty(f => f.OwnerId, userId), ct);
            await db.ApiTokens.Where(t => t.OwnerId == guestId).ExecuteUpdateAsync(s => s.SetProperty(t => t.OwnerId, userId), ct);
            await db.ApiIdempotencyKeys.Where(k => k.OwnerId == guestId).ExecuteUpdateAsync(s => s.SetProperty(k => k.OwnerId, userId), ct);
            await db.Users.Where(u => u.Id == guestId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        changes.Forget(guestId);
        changes.Forget(userId);
    }
}
