using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// What signed-in requests read from their user's row: the security stamp, the time zone, a short fingerprint
/// of the password hash (which changes with the password), so a session ended by a new password can say so, and
/// whether the account has a clinician profile (the menu's Clinic link).
/// </summary>
public sealed record UserFact(string? SecurityStamp, string TimeZoneId, string? PasswordVersion, bool IsClinician = false)
{
    /// <summary>The first 12 characters of the SHA-256 of the hash; null without a password (a guest).</summary>
    public static string? VersionOf(string? passwordHash) => passwordHash is null ? null
        : Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(passwordHash)))[..12];
}

/// <summary>
/// Each user's <see cref="UserFact"/>, read once from the database and kept until <see cref="UserChanges"/> says
/// that user's row changed (signing out, a new password or time zone, a deleted account), so an old cookie stops
/// working on the next request while an ordinary request costs no query for them.
/// </summary>
public sealed class UserFacts(StackExchange.Redis.IConnectionMultiplexer? redis = null)
{
    private const int MaxUsers = 100_000;

    private readonly ConcurrentDictionary<string, UserFact?> _facts = new(StringComparer.Ordinal);
    private long _forgets;

    /// <summary>How many times users have been forgotten here.</summary>
    internal long Forgets => Interlocked.Read(ref _forgets);

    /// <summary>
    /// The user's facts, or null when there is no such user (any more). The request's services give the
    /// DbContext, which is only taken (from the pool) when the facts are not in memory.
    /// </summary>
    public async ValueTask<UserFact?> GetAsync(IServiceProvider requestServices, string userId, CancellationToken cancellationToken)
    {
        // Scaled out with Redis unreachable, another instance's sign-out would not reach this one: read the row.
        var trusted = redis is null || redis.IsConnected;
        if (trusted && _facts.TryGetValue(userId, out var fact))
        {
            return fact;
        }

        // A row read while any user was being forgotten may be older than that change: use it, do not keep it.
        var forgets = Interlocked.Read(ref _forgets);
        var db = requestServices.GetRequiredService<AppDbContext>();
        fact = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new UserFact(u.SecurityStamp, u.TimeZoneId, UserFact.VersionOf(u.PasswordHash), db.ClinicianProfiles.Any(p => p.UserId == u.Id))).FirstOrDefaultAsync(cancellationToken);
        if (trusted && _facts.Count < MaxUsers && Interlocked.Read(ref _forgets) == forgets)
        {
            _facts.TryAdd(userId, fact);
        }

        return fact;
    }

    /// <summary>Drops one user's facts; the next request reads their row again.</summary>
    public void Forget(string userId)
    {
        Interlocked.Increment(ref _forgets);
        _facts.TryRemove(userId, out _);
    }

    /// <summary>Drops every user's facts (after a bulk delete).</summary>
    public void ForgetEveryone()
    {
        Interlocked.Increment(ref _forgets);
        _facts.Clear();
    }
}
