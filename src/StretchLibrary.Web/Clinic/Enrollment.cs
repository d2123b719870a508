namespace StretchLibrary.Web.Clinic;

/// <summary>
/// A patient following a clinician's program: the link between the program (a routine the clinician owns) and the
/// patient's own routine that mirrors it (kept in step by <see cref="ProgramSync"/>), with what the patient lets
/// the clinician see. Owned by the patient (<see cref="OwnerId"/>): it moves with a guest's data when they claim an
/// account, and it goes when either account, the program or the patient's routine is deleted.
/// </summary>
public sealed class Enrollment
{
    public const int ChangeMaxLength = 500;

    public int Id { get; set; }

    /// <summary>The patient.</summary>
    public required string OwnerId { get; set; }

    public required string ClinicianId { get; set; }

    /// <summary>The clinician's program.</summary>
    public int ProgramId { get; set; }

    /// <summary>The patient's routine that shows the program; its sessions are the patient's.</summary>
    public int RoutineId { get; set; }

    /// <summary>The clinician's label for the patient (from the invitation); the clinician may rename it.</summary>
    public required string PatientName { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>Consent: the clinician may see which days sessions were done. Default on.</summary>
    public bool ShareSessions { get; set; } = true;

    /// <summary>Consent: the clinician may see pain before and after. Default on.</summary>
    public bool SharePain { get; set; } = true;

    /// <summary>Consent: the clinician may read session notes. Default off.</summary>
    public bool ShareNotes { get; set; }

    public DateTimeOffset ConsentChangedAt { get; set; }

    /// <summary>The program version the patient's routine shows (<c>Routine.Version</c> of the program).</summary>
    public int ProgramVersion { get; set; }

    /// <summary>When the clinician last changed the program after the patient accepted it; null when never.</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>What that change was, in words ("Added Chin tucks; Prone W: 8 reps (was 10)").</summary>
    public string? Change { get; set; }

    /// <summary>Whether the clinician may see anything at all.</summary>
    public bool SharesAnything => ShareSessions || SharePain || ShareNotes;

    /// <summary>
    /// Sets what the clinician may see from now on. Pain and notes belong to a session, so they are shared only
    /// with sessions.
    /// </summary>
    public void SetConsent(bool sessions, bool pain, bool notes, DateTimeOffset now)
    {
        ShareSessions = sessions;
        SharePain = sessions && pain;
        ShareNotes = sessions && notes;
        ConsentChangedAt = now;
    }
}
