namespace StretchLibrary.Web.Routines.Sessions;

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

    /// <summary>For a routine following a clinician's program: the program version it showed when this was done.</summary>
    public int? ProgramVersion { get; set; }

    /// <summary>
    /// The id the client chose for this log, unique per owner: the browser's UUID for a form or an offline log, or an
    /// API client's <c>Idempotency-Key</c>. A log sent twice (double tap, replay, two tabs, a retried API call)
    /// stores one row. Null for rows logged without one.
    /// </summary>
    public string? ClientId { get; set; }
}
