namespace StretchLibrary.Web.Clinic;

/// <summary>
/// One time a clinician opened a patient's data, kept for the patient (<see cref="OwnerId"/>) to read. It outlives the
/// program link, so a patient who left a program still sees who looked and when; it goes with the patient's account.
/// </summary>
public sealed class AccessLogEntry
{
    public const int WhatMaxLength = 120;

    public long Id { get; set; }

    /// <summary>The patient whose data was opened.</summary>
    public required string OwnerId { get; set; }

    /// <summary>The clinician's account; kept as text, not a key, so the entry stays when that account goes.</summary>
    public required string ClinicianId { get; set; }

    /// <summary>The clinician's name and clinic at the time ("Dr Ana Lima, PT, Riverside Physio").</summary>
    public required string ClinicianName { get; set; }

    public int ProgramId { get; set; }

    /// <summary>The program's name at the time.</summary>
    public required string ProgramName { get; set; }

    /// <summary>What was opened, in words ("sessions and pain, 12 weeks", "weekly adherence (CSV)").</summary>
    public required string What { get; set; }

    public DateTimeOffset At { get; set; }
}
