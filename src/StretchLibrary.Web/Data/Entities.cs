using Microsoft.AspNetCore.Identity;

namespace StretchLibrary.Web.Data;

public sealed class AppUser : IdentityUser
{
    /// <summary>Created behind the scenes when a visitor first saves something; claimed by adding an email and password.</summary>
    public bool IsGuest { get; set; }

    /// <summary>IANA time zone used for "today" and weeks; UTC until the browser or the user says otherwise.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}

public sealed class Routine
{
    public const int NameMaxLength = 80;

    public int Id { get; set; }

    public required string OwnerId { get; set; }

    public required string Name { get; set; }

    /// <summary>Times a week the owner means to do it; null for no target.</summary>
    public int? WeeklyTarget { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The share link this routine was copied from, if any: opening that link again offers this copy instead of
    /// making another. Not a foreign key: the link belongs to someone else and may be deleted with their routine.
    /// </summary>
    public int? CopiedFromShareLinkId { get; set; }

    public List<RoutineItem> Items { get; set; } = [];

    public List<Completion> Completions { get; set; } = [];

    /// <summary>
    /// A new routine holding <paramref name="items"/> in their order (a starter, a share copy, an import). Callers
    /// check <see cref="AccountLimits.MaxItemsPerRoutine"/> on what they were sent; this keeps at most that many.
    /// </summary>
    public static Routine New(string ownerId, string name, int? weeklyTarget, DateTimeOffset now, IEnumerable<RoutineItem> items)
    {
        var routine = new Routine { OwnerId = ownerId, Name = name, WeeklyTarget = weeklyTarget, CreatedAt = now, UpdatedAt = now };
        routine.Items.AddRange(items.Take(AccountLimits.MaxItemsPerRoutine));
        Renumber(routine.Items);
        return routine;
    }

    /// <summary>A copy of this routine's items (dosage and notes included) for a new routine, in order.</summary>
    public IEnumerable<RoutineItem> CopyItems() => Items.OrderBy(i => i.Position)
        .Select(i => new RoutineItem { StretchSlug = i.StretchSlug, Reps = i.Reps, HoldSeconds = i.HoldSeconds, Sets = i.Sets, PerDay = i.PerDay, Note = i.Note });

    /// <summary>Whether the stretch is in this routine.</summary>
    public bool Holds(string slug) => Items.Any(i => i.StretchSlug == slug);

    /// <summary>
    /// Adds the stretches not in it yet at the end, in the order given, and returns them; null (and nothing added)
    /// when that would pass <see cref="AccountLimits.MaxItemsPerRoutine"/>.
    /// </summary>
    public IReadOnlyList<string>? Append(IEnumerable<string> slugs, DateTimeOffset now)
    {
        var added = slugs.Distinct(StringComparer.Ordinal).Where(s => !Holds(s)).ToList();
        if (Items.Count + added.Count > AccountLimits.MaxItemsPerRoutine)
        {
            return null;
        }

        var ordered = Items.OrderBy(i => i.Position).ToList();
        ordered.AddRange(added.Select(slug => new RoutineItem { StretchSlug = slug }));
        Items.AddRange(ordered.Skip(Items.Count));
        Renumber(ordered);
        Touch(now);
        return added;
    }

    /// <summary>Removes the item (EF deletes the orphan) and closes the gap.</summary>
    public void Remove(RoutineItem item, DateTimeOffset now)
    {
        Items.Remove(item);
        Renumber(Items.OrderBy(i => i.Position));
        Touch(now);
    }

    /// <summary>Moves the item <paramref name="step"/> places up (negative) or down, stopping at either end.</summary>
    public void Move(RoutineItem item, int step, DateTimeOffset now)
    {
        var ordered = Items.OrderBy(i => i.Position).ToList();
        var from = ordered.IndexOf(item);
        ordered.RemoveAt(from);
        ordered.Insert(Math.Clamp(from + step, 0, ordered.Count), item);
        Renumber(ordered);
        Touch(now);
    }

    /// <summary>Notes a change to the routine or its items.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    private static void Renumber(IEnumerable<RoutineItem> ordered)
    {
        var position = 0;
        foreach (var item in ordered.ToList())
        {
            item.Position = position++;
        }
    }
}

/// <summary>One stretch in a routine, with optional overrides of the stretch's own dosage.</summary>
public sealed class RoutineItem
{
    public const int NoteMaxLength = 300;

    public int Id { get; set; }

    public int RoutineId { get; set; }

    /// <summary>0-based order within the routine.</summary>
    public int Position { get; set; }

    public required string StretchSlug { get; set; }

    public int? Reps { get; set; }

    public int? HoldSeconds { get; set; }

    public int? Sets { get; set; }

    public int? PerDay { get; set; }

    public string? Note { get; set; }
}

/// <summary>One time a routine was done.</summary>
public sealed class Completion
{
    public const int NoteMaxLength = 500, ClientIdMaxLength = 100;

    public long Id { get; set; }

    public int RoutineId { get; set; }

    /// <summary>Denormalised from the routine so every completion query can filter by owner directly.</summary>
    public required string OwnerId { get; set; }

    /// <summary>The calendar date in the owner's time zone when it was done.</summary>
    public DateOnly LocalDate { get; set; }

    public DateTimeOffset CompletedAtUtc { get; set; }

    /// <summary>Slugs of the stretches done this time.</summary>
    public List<string> StretchSlugs { get; set; } = [];

    public int? PainBefore { get; set; }

    public int? PainAfter { get; set; }

    public string? Note { get; set; }

    /// <summary>
    /// The id the client chose for this log, unique per owner: the browser's UUID for a form or an offline log, or an
    /// API client's <c>Idempotency-Key</c>. A log sent twice (double tap, replay, two tabs, a retried API call)
    /// stores one row. Null for rows logged without one.
    /// </summary>
    public string? ClientId { get; set; }
}

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

/// <summary>
/// A routine's calendar reminder as its owner last saved it: weekdays and one to three times a day. One row per
/// routine; without one the reminder form offers weekdays at 08:00.
/// </summary>
public sealed class ReminderSettings
{
    public const int MaxTimesPerDay = 3;

    /// <summary>The routine is the key: a routine has at most one reminder.</summary>
    public int RoutineId { get; set; }

    /// <summary>Denormalised from the routine so every query can filter by owner directly.</summary>
    public required string OwnerId { get; set; }

    /// <summary>Bit (1 &lt;&lt; (int)DayOfWeek) for each chosen weekday.</summary>
    public int DaysMask { get; set; }

    /// <summary>Local times as "HH:mm", space-separated, earliest first.</summary>
    public required string Times { get; set; }

    /// <summary>Raised each time the days or times change: the calendar event's SEQUENCE.</summary>
    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A calendar subscription to one routine's reminder (<c>/calendar/{token}.ics</c>). Like a share link, only a
/// SHA-256 hash of its token is stored, and a revoked feed answers 404.
/// </summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }

    public int RoutineId { get; set; }

    /// <summary>Denormalised from the routine so every owner-side query can filter by owner directly.</summary>
    public required string OwnerId { get; set; }

    /// <summary>SHA-256 of the token, in hex.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
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
