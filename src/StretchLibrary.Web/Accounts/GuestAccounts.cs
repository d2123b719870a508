using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Accounts;

/// <summary>
/// Lets a visitor save without registering: the first save creates a guest account, kept by a persistent
/// sign-in cookie, which can later be claimed with an email and password.
/// </summary>
public sealed class GuestAccounts(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock)
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
                TimeZoneId = LocalClock.IsKnownZone(timeZone) ? timeZone! : AppUser.DefaultTimeZone,
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
    /// Moves everything a guest owns (every table with an <c>OwnerId</c>, read from the model so a new one cannot
    /// be missed) to the account they just signed in to, then deletes the guest.
    /// </summary>
    public async Task MergeGuestIntoAsync(string guestId, string userId, CancellationToken cancellationToken)
    {
        var guest = await users.FindByIdAsync(guestId);
        if (guest is not { IsGuest: true } || guestId == userId)
        {
            return;
        }

        var tag = UserDataChanges.TagOwners(guestId, userId);
        var sql = db.GetService<ISqlGenerationHelper>();
        var moves = db.Model.GetEntityTypes().Where(t => t.FindProperty("OwnerId") is not null && t.GetTableName() is not null)
            .Select(t => $"-- {tag}\nUPDATE {sql.DelimitIdentifier(t.GetTableName()!, t.GetSchema())} SET {sql.DelimitIdentifier("OwnerId")} = {{0}} WHERE {sql.DelimitIdentifier("OwnerId")} = {{1}}")
            .ToArray();
        // One unit for the execution strategy, so a busy database retries the whole move.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A log sent both as the guest and to the account (or an API call retried with one Idempotency-Key) has
            // one client id on both sides, which the account may hold only once: the account's copy stays.
            await db.Completions.TagWith(tag).Where(c => c.OwnerId == guestId && c.ClientId != null && db.Completions.Any(a => a.OwnerId == userId && a.ClientId == c.ClientId))
                .ExecuteDeleteAsync(ct);
            foreach (var move in moves)
            {
                await db.Database.ExecuteSqlRawAsync(move, [userId, guestId], ct);
            }

            // The browser's time zone goes with the guest's sessions, unless the account has a zone of its own: a
            // new account is still on the default, and its stats would count "today" in the wrong place.
            if (guest.TimeZoneId != AppUser.DefaultTimeZone)
            {
                await db.Users.TagWith(tag).Where(u => u.Id == userId && u.TimeZoneId == AppUser.DefaultTimeZone)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.TimeZoneId, guest.TimeZoneId), ct);
            }

            await db.Users.TagWith(tag).Where(u => u.Id == guestId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }
}
