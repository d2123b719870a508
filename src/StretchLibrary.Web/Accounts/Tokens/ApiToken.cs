namespace StretchLibrary.Web.Accounts.Tokens;

/// <summary>A personal access token for the API: what it may do, until when, and when it was last used.</summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 80;

    public int Id { get; set; }

    public required string OwnerId { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the whole token, in hex. The token itself is shown once and never stored.</summary>
    public required string TokenHash { get; set; }

    /// <summary>Space-separated scopes, e.g. <c>routines:read sessions:write</c>.</summary>
    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
