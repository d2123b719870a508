using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines;

public sealed class Routine
{
    public const int NameMaxLength = 80, NotesMaxLength = 1000;

    public int Id { get; set; }

    public required string OwnerId { get; set; }

    public required string Name { get; set; }

    /// <summary>Times a week the owner means to do it; null for no target.</summary>
    public int? WeeklyTarget { get; set; }

    /// <summary>Notes for the whole routine (a clinician's instructions for a program); null for none.</summary>
    public string? Notes { get; set; }

    /// <summary>
    /// A clinician's program: patients who accepted it follow it (<c>Clinic.Enrollment</c>), and every change to it
    /// reaches their routines (<c>Clinic.ProgramSync</c>). Programs are kept out of the owner's own routine list.
    /// </summary>
    public bool IsProgram { get; set; }

    /// <summary>Counts a program's changes (1 when made); a session records the version it was done against.</summary>
    public int Version { get; set; } = 1;

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
    public IEnumerable<RoutineItem> CopyItems() => Items.OrderBy(i => i.Position).Select(i => i.Copy());

    /// <summary>
    /// Makes this routine show <paramref name="program"/> as it is now: its name, weekly target, notes and items (a
    /// patient's routine following a clinician's program).
    /// </summary>
    public void Follow(Routine program, DateTimeOffset now)
    {
        Name = program.Name;
        WeeklyTarget = program.WeeklyTarget;
        Notes = program.Notes;
        Items.Clear();
        Items.AddRange(program.CopyItems());
        Renumber(Items);
        Touch(now);
    }

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

    /// <summary>The item's place in the routine's order, from 0.</summary>
    public int IndexOf(RoutineItem item) => Items.OrderBy(i => i.Position).ToList().IndexOf(item);

    /// <summary>Moves the item to place <paramref name="index"/> (from 0; kept within the list), closing the gap it leaves.</summary>
    public void MoveTo(RoutineItem item, int index, DateTimeOffset now)
    {
        var ordered = Items.OrderBy(i => i.Position).ToList();
        ordered.Remove(item);
        ordered.Insert(Math.Clamp(index, 0, ordered.Count), item);
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

    /// <summary>
    /// For a stretch done on each side: "left" or "right" to do only that side; null for both, as the stretch says.
    /// </summary>
    public string? Side { get; set; }

    /// <summary>Seconds of rest between sets, instead of the stretch's own.</summary>
    public int? RestSeconds { get; set; }

    /// <summary>For reps without a hold: seconds for each way of a rep (out, then back), instead of the stretch's own.</summary>
    public int? TempoSeconds { get; set; }

    public string? Note { get; set; }

    /// <summary>The same stretch and dosage, for another routine.</summary>
    public RoutineItem Copy() => new()
    {
        StretchSlug = StretchSlug,
        Reps = Reps,
        HoldSeconds = HoldSeconds,
        Sets = Sets,
        PerDay = PerDay,
        Side = Side,
        RestSeconds = RestSeconds,
        TempoSeconds = TempoSeconds,
        Note = Note,
    };
}

/// <summary>The sides an item can be limited to (<see cref="RoutineItem.Side"/>).</summary>
public static class ItemSides
{
    public const string Left = "left", Right = "right";

    public static bool IsValid(string? side) => side is null or Left or Right;
}
