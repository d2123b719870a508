using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Sharing;

public static class ShareLinks
{
    /// <summary>128 random bits: too many to guess, and 22 characters in a URL.</summary>
    private const int TokenBytes = 16;

    /// <summary>How long a new link may work, in days; 0 means never expires.</summary>
    public static readonly IReadOnlyList<int> ExpiryChoices = [7, 30, 90, 0];

    public const int DefaultExpiryDays = 30;

    public const string ChooseExpiry = "Choose when the link stops working: after 7, 30 or 90 days, or never.";

    /// <summary>A new unguessable token, base64url without padding.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Adds a link to an owned routine that works for <paramref name="expiresInDays"/> (one of
    /// <see cref="ExpiryChoices"/>) and returns its token: the only time it exists, since only its hash is stored.
    /// </summary>
    public static async Task<string> CreateShareLinkAsync(this AppDbContext db, Routine routine, int expiresInDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routine);
        if (!ExpiryChoices.Contains(expiresInDays))
        {
            throw new ArgumentOutOfRangeException(nameof(expiresInDays), expiresInDays, ChooseExpiry);
        }

        var token = NewToken();
        db.ShareLinks.Add(new ShareLink
        {
            RoutineId = routine.Id,
            OwnerId = routine.OwnerId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresInDays == 0 ? null : now.AddDays(expiresInDays),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Links that open their routine at <paramref name="now"/>: not revoked and not expired.</summary>
    public static IQueryable<ShareLink> ActiveAt(this IQueryable<ShareLink> links, DateTimeOffset now) =>
        links.Where(l => l.RevokedAt == null && (l.ExpiresAt == null || l.ExpiresAt > now));

    /// <summary>The routine (with its items) an active link opens, or null for a wrong, revoked or expired token.</summary>
    public static async Task<Routine?> FindSharedRoutineAsync(this AppDbContext db, string token, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.FindShareAsync(token, now, cancellationToken))?.Routine;

    /// <summary>The active link and the routine (with its items) it opens; null for a wrong, revoked or expired token.</summary>
    public static async Task<(int LinkId, Routine Routine)?> FindShareAsync(this AppDbContext db, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var link = await db.ShareLinks.ActiveAt(now).Where(l => l.TokenHash == hash).Select(l => new { l.Id, l.RoutineId }).SingleOrDefaultAsync(cancellationToken);
        var routine = link is null
            ? null
            : await db.Routines.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == link.RoutineId, cancellationToken);
        return routine is null ? null : (link!.Id, routine);
    }
}
