using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines.Export;

/// <summary>
/// Everything one user saved, in the shape of the JSON download (format "stretchlibrary-export", version 1).
/// No ids: routines hold their items and completions, so a file can be imported into any account.
/// </summary>
public sealed record ExportDocument(string Format, int Version, DateTimeOffset ExportedAt, string TimeZone, IReadOnlyList<ExportedRoutine> Routines)
{
    public const string FormatName = "stretchlibrary-export";

    public const int CurrentVersion = 1;

    /// <summary>
    /// camelCase, compact (20,000 sessions written indented outgrew the import limit), empty values left out (import
    /// reads a missing value as empty), and letters from any script kept as they are (the file is a download, never HTML).
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The user's routines in the order they were made, items in routine order, completions oldest first.</summary>
    /// <remarks>
    /// Sessions are read one routine at a time with both leading columns of the <c>(OwnerId, RoutineId, LocalDate)</c>
    /// index fixed, so each provider walks that index in date order and reaches the rows about as they were written.
    /// Joined to the routines in one query, SQLite walked the client-id index and sorted afterwards, visiting a big
    /// table's pages at random; one query for all routines, PostgreSQL chose a bitmap scan and a sort. bench/README.md,
    /// "Data scale, second round", has the figures.
    /// </remarks>
    public static async Task<ExportDocument> LoadAsync(AppDbContext db, string userId, string timeZone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var routines = await db.Routines.AsNoTracking().OwnedBy(userId).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.WeeklyTarget,
                r.Notes,
                Items = r.Items.OrderBy(i => i.Position)
                    .Select(i => new ExportedItem(i.StretchSlug, i.Reps, i.HoldSeconds, i.Sets, i.PerDay, i.Note, i.Side, i.RestSeconds, i.TempoSeconds)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var exported = new List<ExportedRoutine>(routines.Count);
        foreach (var routine in routines)
        {
            var sessions = await db.Completions.AsNoTracking().OwnedBy(userId).Where(c => c.RoutineId == routine.Id)
                .OrderBy(c => c.LocalDate).ThenBy(c => c.Id)
                .Select(c => new ExportedCompletion(c.LocalDate, c.CompletedAtUtc, c.StretchSlugs, c.PainBefore, c.PainAfter, c.Note))
                .ToListAsync(cancellationToken);
            exported.Add(new ExportedRoutine(routine.Name, routine.WeeklyTarget, routine.Items, sessions, routine.Notes));
        }

        return new ExportDocument(FormatName, CurrentVersion, now, timeZone, exported);
    }
}

/// <summary>A routine as exported; <see cref="Notes"/> are the routine's own (a clinician's instructions).</summary>
public sealed record ExportedRoutine(string Name, int? WeeklyTarget, IReadOnlyList<ExportedItem> Items, IReadOnlyList<ExportedCompletion> Completions, string? Notes = null)
{
    /// <summary>A new routine for <paramref name="ownerId"/> with these items and completions; the database assigns new ids.</summary>
    public Routine ToEntity(string ownerId, DateTimeOffset now)
    {
        var routine = Routine.New(ownerId, Name, WeeklyTarget, now, Items.Select(i => new RoutineItem
        {
            StretchSlug = i.Slug,
            Reps = i.Reps,
            HoldSeconds = i.HoldSeconds,
            Sets = i.Sets,
            PerDay = i.PerDay,
            Side = i.Side,
            RestSeconds = i.RestSeconds,
            TempoSeconds = i.TempoSeconds,
            Note = i.Note,
        }));
        routine.Notes = Notes;
        routine.Completions.AddRange(Completions.Select(c => new Completion
        {
            OwnerId = ownerId,
            LocalDate = c.Date,
            CompletedAtUtc = c.CompletedAtUtc.ToUniversalTime(),
            StretchSlugs = [.. c.Stretches],
            PainBefore = c.PainBefore,
            PainAfter = c.PainAfter,
            Note = c.Note,
        }));
        return routine;
    }
}

/// <summary>
/// One stretch of a routine; null dosage parts follow the library. <see cref="Side"/> is "left" or "right" for one
/// side only (null: both, as the stretch says); rest between sets and rep tempo are in seconds.
/// </summary>
public sealed record ExportedItem(string Slug, int? Reps, int? HoldSeconds, int? Sets, int? PerDay, string? Note, string? Side = null, int? RestSeconds = null, int? TempoSeconds = null);

/// <summary>One session: the user's local date, the instant it was logged (UTC), and the stretches done.</summary>
public sealed record ExportedCompletion(DateOnly Date, DateTimeOffset CompletedAtUtc, IReadOnlyList<string> Stretches, int? PainBefore, int? PainAfter, string? Note);
