using System.ComponentModel.DataAnnotations;
using StretchLibrary.Web.Pages;

namespace StretchLibrary.Web.Routines.Sessions;

/// <summary>
/// A session to log, as the "Mark done" form, a phone's offline queue (JSON, same names in camelCase) and the API
/// send it. Its annotations are the field rules; <see cref="SessionLog"/> adds the ones that need the routine
/// and the user's today.
/// </summary>
public sealed class SessionInput
{
    public const int MaxStretches = 100;

    /// <summary>Longest client id: the browser's UUID, or an API client's Idempotency-Key.</summary>
    public const int ClientIdMaxLength = Completion.ClientIdMaxLength;

    /// <summary>Oldest session date accepted, in years before today.</summary>
    public const int MaxYearsBack = 5;

    [Required(ErrorMessage = "Choose the date you did it.")]
    public DateOnly? Date { get; set; }

    [MaxLength(MaxStretches, ErrorMessage = "Tick at most {1} stretches.")]
    public List<string> Stretches { get; set; } = [];

    [Range(0, 10, ErrorMessage = "Pain is rated from 0 (none) to 10 (worst).")]
    public int? PainBefore { get; set; }

    [Range(0, 10, ErrorMessage = "Pain is rated from 0 (none) to 10 (worst).")]
    public int? PainAfter { get; set; }

    [StringLength(Completion.NoteMaxLength, ErrorMessage = "Keep the note under {1} characters."), PlainText(MultiLine = true)]
    public string? Note { get; set; }

    /// <summary>The browser's time zone, filled in by site.js; ignored when unknown (the visitor cannot fix a hidden field).</summary>
    public string? Tz { get; set; }

    /// <summary>
    /// Chosen by the client for this log: the UUID the browser makes for each form it shows, or the API's
    /// <c>Idempotency-Key</c>. The same log sent twice under one id is stored once.
    /// </summary>
    [RegularExpression("^[ -~]{1,100}$", ErrorMessage = "The client id must be 1-100 printable ASCII characters.")]
    public string? ClientId { get; set; }
}
