using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace StretchLibrary.Web.Clinic;

/// <summary>
/// A clinician's offer of one program to one patient, opened by a link (<see cref="TokenHash"/>) or a short code
/// typed on the join page (<see cref="CodeHash"/>). Only hashes are looked up; the clinician can print the sheet
/// again because the link and code are also kept encrypted (<see cref="Sealed"/>). Accepted, revoked or expired
/// invitations open nothing.
/// </summary>
public sealed class Invitation
{
    public const int PatientNameMaxLength = 80, EmailMaxLength = 256;

    /// <summary>Days an invitation stays open when the clinician does not choose.</summary>
    public const int DefaultDays = 14;

    public static readonly IReadOnlyList<int> DayChoices = [3, 7, 14, 30];

    public int Id { get; set; }

    /// <summary>The clinician who sent it.</summary>
    public required string OwnerId { get; set; }

    /// <summary>The program (a routine the clinician owns) it offers.</summary>
    public int ProgramId { get; set; }

    /// <summary>The clinician's label for the patient, on their patient list and on the printed sheet.</summary>
    public required string PatientName { get; set; }

    /// <summary>Where it was emailed, if it was.</summary>
    public string? Email { get; set; }

    public required string TokenHash { get; set; }

    public required string CodeHash { get; set; }

    /// <summary>The link token and the code, encrypted with the app's data-protection keys (see <see cref="InvitationSecrets"/>).</summary>
    public required string Sealed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Whether it can still be accepted at <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => RevokedAt is null && AcceptedAt is null && ExpiresAt > now;
}

/// <summary>The two secrets of an invitation and how they are made, normalised and hashed.</summary>
public static class InvitationSecrets
{
    /// <summary>Crockford's base 32 without I, L, O and U: nothing to misread when typing from paper.</summary>
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>8 characters of 32: 40 bits, shown as "K7M4-Q2XP". Code attempts are rate limited per address.</summary>
    public const int CodeLength = 8;

    /// <summary>128 random bits, base64url: the link's token.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string NewCode()
    {
        var chars = new char[CodeLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>"K7M4-Q2XP", for reading and printing.</summary>
    public static string Display(string code) => code.Length == CodeLength ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>
    /// What a person typed as a code, in its stored form: spaces and dashes dropped, upper case, and the letters people
    /// confuse with digits read as those digits (O as 0, I and L as 1); null when it cannot be a code.
    /// </summary>
    public static string? NormaliseCode(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var chars = new StringBuilder(CodeLength);
        foreach (var c in typed.ToUpperInvariant())
        {
            var read = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (read is ' ' or '-')
            {
                continue;
            }

            if (!CodeAlphabet.Contains(read, StringComparison.Ordinal) || chars.Length == CodeLength)
            {
                return null;
            }

            chars.Append(read);
        }

        return chars.Length == CodeLength ? chars.ToString() : null;
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
