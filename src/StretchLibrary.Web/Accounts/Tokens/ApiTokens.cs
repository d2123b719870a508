using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Accounts.Tokens;

public static class ApiTokens
{
    /// <summary>Marks our tokens, so people (and secret scanners) recognise one pasted where it should not be.</summary>
    public const string Prefix = "slp_";

    public const string RoutinesRead = "routines:read";

    public const string SessionsWrite = "sessions:write";

    /// <summary>A clinician reads their patients' adherence, only as far as each patient's consent allows.</summary>
    public const string ClinicRead = "clinic:read";

    /// <summary>A patient reads the clinicians' programs they follow.</summary>
    public const string ProgramsRead = "programs:read";

    public static readonly IReadOnlyList<string> AllScopes = [RoutinesRead, SessionsWrite, ProgramsRead, ClinicRead];

    public static readonly IReadOnlyList<int> ExpiryDays = [30, 90, 365];

    /// <summary>256 random bits, base64url without padding, after <see cref="Prefix"/>: 47 characters.</summary>
    public static string NewToken() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether the text has the shape of one of our tokens (checked before hashing anything).</summary>
    public static bool LooksLikeToken(ReadOnlySpan<char> text) => text.Length == Prefix.Length + 43 && text.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Tokens that work at <paramref name="now"/>: not revoked and not expired.</summary>
    public static IQueryable<ApiToken> ActiveAt(this IQueryable<ApiToken> tokens, DateTimeOffset now) =>
        tokens.Where(t => t.RevokedAt == null && t.ExpiresAt > now);

    /// <summary>What is wrong with the chosen scopes (none, or one we do not know), or null when they are fine.</summary>
    public static string? ScopesError(IReadOnlyCollection<string> scopes) =>
        scopes.Count == 0 || scopes.Any(s => !AllScopes.Contains(s))
            ? "Choose what the token may do: read routines, log sessions, read your programs or read your patients' progress."
            : null;

    /// <summary>What is wrong with the chosen lifetime, or null when it is one of <see cref="ExpiryDays"/>.</summary>
    public static string? ExpiryError(int days) => ExpiryDays.Contains(days) ? null : "Choose 30, 90 or 365 days.";

    /// <summary>
    /// Makes and saves a token for <paramref name="ownerId"/> with the known scopes among <paramref name="scopes"/>;
    /// the token itself is returned here only, and only its hash is stored.
    /// </summary>
    public static async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(this AppDbContext db, string ownerId, string name, IReadOnlyCollection<string> scopes, int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = NewToken();
        var expiresAt = now.AddDays(days);
        db.ApiTokens.Add(new ApiToken
        {
            OwnerId = ownerId,
            Name = name,
            TokenHash = Hash(token),
            Scopes = string.Join(' ', AllScopes.Where(scopes.Contains)),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (token, expiresAt);
    }
}
