using System.Collections.Concurrent;
using StretchLibrary.Web.Data;

namespace StretchLibrary.Web.Security;

/// <summary>
/// The current security stamp of each signed-in user, read once from the database and kept until any user row
/// changes (<see cref="UserTableWrites"/>): signing out, a new password or a deleted account drops them all, so
/// an old cookie stops working on the next request while an ordinary request costs no query.
/// </summary>
public sealed class SecurityStamps
{
    private const int MaxUsers = 100_000;

    private ConcurrentDictionary<string, string?> _stamps = new(StringComparer.Ordinal);

    public SecurityStamps(UserTableWrites writes) => writes.Changed += Clear;

    /// <summary>The stored stamp (null for a deleted user), from memory or from <paramref name="load"/>.</summary>
    public async ValueTask<string?> GetAsync(string userId, Func<Task<string?>> load)
    {
        // Take the set before reading the row: if a user row changes meanwhile, the set is replaced and what this
        // read stores into the old one is never used.
        var stamps = Volatile.Read(ref _stamps);
        if (stamps.TryGetValue(userId, out var stamp))
        {
            return stamp;
        }

        stamp = await load();
        if (stamps.Count < MaxUsers)
        {
            stamps.TryAdd(userId, stamp);
        }

        return stamp;
    }

    private void Clear() => Volatile.Write(ref _stamps, new ConcurrentDictionary<string, string?>(StringComparer.Ordinal));
}
