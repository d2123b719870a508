using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Clinic;

/// <summary>One session as a clinician may see it: pain and notes are null unless the patient shares them.</summary>
public sealed record SharedSession(DateOnly Date, DateTimeOffset CompletedAtUtc, int? PainBefore, int? PainAfter, string? Note, int? ProgramVersion);

/// <summary>
/// A patient as their clinician sees them: the link (name, program, consent, what changed) and the sessions the
/// consent allows, oldest first; <see cref="Sessions"/> is empty when sessions are not shared.
/// </summary>
public sealed record PatientRecord(Enrollment Link, string ProgramName, int? WeeklyTarget, IReadOnlyList<SharedSession> Sessions)
{
    public bool SharesSessions => Link.ShareSessions;

    /// <summary>The patient's last session date on the program, however long ago; null when never done or not shared.</summary>
    public DateOnly? LastDone { get; init; }
}

/// <summary>
/// The only way a clinician reads patient data. It finds only patients who accepted one of the clinician's programs,
/// returns only what each patient's consent allows at this moment (read on every call, so a withdrawal counts from the
/// next request), and writes an access-log entry for the patient each time data is returned.
/// </summary>
public sealed class PatientRecords(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every patient of the clinician, with sessions on or after <paramref name="since"/>; logs <paramref name="what"/> for each patient whose data is returned.</summary>
    public async Task<IReadOnlyList<PatientRecord>> ForClinicianAsync(string clinicianId, DateOnly since, string what, CancellationToken cancellationToken)
    {
        var links = await Links(clinicianId, null).ToListAsync(cancellationToken);
        return await RecordsAsync(clinicianId, links, since, what, cancellationToken);
    }

    /// <summary>One patient of the clinician by the link's id; null (answer 404) for anyone else's.</summary>
    public async Task<PatientRecord?> ForPatientAsync(string clinicianId, int enrollmentId, DateOnly since, string what, CancellationToken cancellationToken)
    {
        var links = await Links(clinicianId, enrollmentId).ToListAsync(cancellationToken);
        return links.Count == 0 ? null : (await RecordsAsync(clinicianId, links, since, what, cancellationToken))[0];
    }

    // The one link is picked before the projection: EF cannot translate a filter on the projected record.
    private IQueryable<LinkRow> Links(string clinicianId, int? enrollmentId = null) =>
        from link in db.Enrollments.AsNoTracking()
        where link.ClinicianId == clinicianId && (enrollmentId == null || link.Id == enrollmentId)
        join program in db.Routines on link.ProgramId equals program.Id
        where program.OwnerId == clinicianId
        orderby link.PatientName, link.Id
        select new LinkRow(link, program.Name, program.WeeklyTarget);

    private async Task<IReadOnlyList<PatientRecord>> RecordsAsync(string clinicianId, List<LinkRow> links, DateOnly since, string what, CancellationToken cancellationToken)
    {
        var shared = links.Where(l => l.Link.ShareSessions).ToList();
        var routineIds = shared.Select(l => l.Link.RoutineId).ToList();
        var rows = routineIds.Count == 0
            ? []
            : await db.Completions.AsNoTracking()
                .Where(c => routineIds.Contains(c.RoutineId) && c.LocalDate >= since)
                .Select(c => new { c.OwnerId, c.RoutineId, c.LocalDate, c.CompletedAtUtc, c.PainBefore, c.PainAfter, c.Note, c.ProgramVersion })
                .ToListAsync(cancellationToken);
        // The last date however far back (the sessions above stop at since), one row per patient.
        var lastDone = routineIds.Count == 0
            ? []
            : await db.Completions.AsNoTracking()
                .Where(c => routineIds.Contains(c.RoutineId))
                .GroupBy(c => new { c.OwnerId, c.RoutineId })
                .Select(g => new { g.Key.OwnerId, g.Key.RoutineId, Last = g.Max(c => c.LocalDate) })
                .ToListAsync(cancellationToken);
        var byRoutine = rows.ToLookup(r => r.RoutineId);
        var records = links.Select(l => new PatientRecord(l.Link, l.ProgramName, l.WeeklyTarget, l.Link.ShareSessions
            ? [.. byRoutine[l.Link.RoutineId]
                .Where(r => r.OwnerId == l.Link.OwnerId)
                .OrderBy(r => r.LocalDate).ThenBy(r => r.CompletedAtUtc)
                .Select(r => new SharedSession(
                    r.LocalDate, r.CompletedAtUtc,
                    l.Link.SharePain ? r.PainBefore : null, l.Link.SharePain ? r.PainAfter : null,
                    l.Link.ShareNotes ? r.Note : null, r.ProgramVersion))]
            : [])
        {
            LastDone = l.Link.ShareSessions
                ? lastDone.Where(d => d.RoutineId == l.Link.RoutineId && d.OwnerId == l.Link.OwnerId).Select(d => (DateOnly?)d.Last).SingleOrDefault()
                : null,
        }).ToList();

        await LogAsync(clinicianId, shared, what, cancellationToken);
        return records;
    }

    private async Task LogAsync(string clinicianId, List<LinkRow> shared, string what, CancellationToken cancellationToken)
    {
        if (shared.Count == 0)
        {
            return;
        }

        var profile = await db.ClinicianProfiles.AsNoTracking().Where(p => p.UserId == clinicianId)
            .Select(p => p.DisplayName + ", " + p.ClinicName).SingleOrDefaultAsync(cancellationToken) ?? "Your clinician";
        var now = clock.GetUtcNow();
        db.AccessLog.AddRange(shared.Select(l => new AccessLogEntry
        {
            OwnerId = l.Link.OwnerId,
            ClinicianId = clinicianId,
            ClinicianName = profile,
            ProgramId = l.Link.ProgramId,
            ProgramName = l.ProgramName,
            What = Describe(l.Link, what),
            At = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"Sessions and pain: your 12-week view".</summary>
    private static string Describe(Enrollment link, string what)
    {
        var parts = string.Join(", ", new[] { "sessions", link.SharePain ? "pain" : null, link.ShareNotes ? "notes" : null }.OfType<string>());
        var text = $"{char.ToUpperInvariant(parts[0])}{parts[1..]}: {what}";
        return text.Length <= AccessLogEntry.WhatMaxLength ? text : text[..AccessLogEntry.WhatMaxLength];
    }

    private sealed record LinkRow(Enrollment Link, string ProgramName, int? WeeklyTarget);
}
