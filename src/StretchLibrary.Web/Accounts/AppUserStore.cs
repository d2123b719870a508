using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Data;

namespace StretchLibrary.Web.Accounts;

/// <summary>
/// Identity's store, telling <see cref="UserChanges"/> about every update or delete it makes to a user's row (a new
/// security stamp on sign-out or password change, a new time zone, a deleted account).
/// </summary>
public sealed class AppUserStore(AppDbContext db, UserChanges changes, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext>(db, describer)
{
    public override async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.UpdateAsync(user, cancellationToken);
        changes.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.DeleteAsync(user, cancellationToken);
        changes.Forget(user.Id);
        return result;
    }
}
