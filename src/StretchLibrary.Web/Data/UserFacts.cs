using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Data;

/// <summary>What signed-in requests read from their user's row: the security stamp and the time zone.</summary>
public sealed record UserFact(string? SecurityStamp, string TimeZoneId);

/// <summary>
/// Each user's <see cref="UserFact"/>, read once from the database and kept until any user row changes
/// (<see cref="UserTableWrites"/>): signing out, a new password, a new time zone or a deleted account drops them
/// all, so an old cookie stops working on the next request while an ordinary request costs no query for them.
/// </summary>
public sealed class UserFacts
{
    private const int MaxUsers = 100_000;

    private ConcurrentDictionary<string, UserFact?> _facts = new(StringComparer.Ordinal);

    public UserFacts(UserTableWrites writes) => writes.Changed += Clear;

    /// <summary>
    /// The user's facts, or null when there is no such user (any more). The request's services give the
    /// DbContext, which is only taken (from the pool) when the facts are not in memory.
    /// </summary>
    public async ValueTask<UserFact?> GetAsync(IServiceProvider requestServices, string userId, CancellationToken cancellationToken)
    {
        // Take the set before reading the row: if a user row changes meanwhile, the set is replaced and what this
        // read stores into the old one is never used.
        var facts = Volatile.Read(ref _facts);
        if (facts.TryGetValue(userId, out var fact))
        {
            return fact;
        }

        var db = requestServices.GetRequiredService<AppDbContext>();
        fact = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new UserFact(u.SecurityStamp, u.TimeZoneId)).FirstOrDefaultAsync(cancellationToken);
        if (facts.Count < MaxUsers)
        {
            facts.TryAdd(userId, fact);
        }

        return fact;
    }

    private void Clear() => Volatile.Write(ref _facts, new ConcurrentDictionary<string, UserFact?>(StringComparer.Ordinal));
}
