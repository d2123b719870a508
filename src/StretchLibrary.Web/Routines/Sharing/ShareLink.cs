namespace StretchLibrary.Web.Routines.Sharing;

/// <summary>A read-only link to a routine, for people without an account; revoked or expired links answer 404.</summary>
public sealed class ShareLink
{
    public int Id { get; set; }

    public int RoutineId { get; set; }

    /// <summary>Denormalised from the routine so every owner-side query can filter by owner directly.</summary>
    public required string OwnerId { get; set; }

    /// <summary>
    /// SHA-256 of the token, in hex. Only the hash is stored, so a copied database opens no routine; the owner
    /// sees the full link once, right after creating it.
    /// </summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null for a link that never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
