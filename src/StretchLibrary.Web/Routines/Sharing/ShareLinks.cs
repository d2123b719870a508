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

    /// <summary>A new unguessable token, base64url without padding.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

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
