using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Library.Content;

public enum Category
{
    Back,
    Posture,
    Neck,
}

/// <summary>A label such as a position or a piece of equipment: its display name and the slug used in URLs.</summary>
public sealed record Tag(string Name, string Slug);

/// <summary>An easier or harder way to do a stretch; <see cref="Equipment"/> is what it needs beyond the stretch's own.</summary>
public sealed record Variant(string Title, string Text, IReadOnlyList<Tag> Equipment);

/// <summary>A stretch article, parsed, validated and rendered once when content loads.</summary>
public sealed record Stretch
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    /// <summary>What a technical title means in plain words ("on hands and knees"), shown under it.</summary>
    public string? Subtitle { get; init; }

    public required Category Category { get; init; }

    public required string Summary { get; init; }

    public string? Setup { get; init; }

    /// <summary>Short, complete cue lines written for the printed sheet; empty when the file has none.</summary>
    public IReadOnlyList<string> Sheet { get; init; } = [];

    public required IReadOnlyList<Tag> Positions { get; init; }

    public required IReadOnlyList<Tag> Equipment { get; init; }

    /// <summary>Equipment only a variant uses (a foam roller for the harder version), not in <see cref="Equipment"/>.</summary>
    public IReadOnlyList<Tag> VariantEquipment => [.. Easier.Concat(Harder).SelectMany(v => v.Equipment).DistinctBy(t => t.Slug).Where(t => Equipment.All(e => e.Slug != t.Slug))];

    /// <summary>True when the stretch or one of its variants uses the equipment with this slug.</summary>
    public bool Uses(string equipmentSlug) => Equipment.Concat(VariantEquipment).Any(e => e.Slug == equipmentSlug);

    public required IReadOnlyList<string> Targets { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>What people searching for help call their complaint ("stiffness between the shoulder blades"), in honest words.</summary>
    public IReadOnlyList<string> Complaints { get; init; } = [];

    public required Dosage Dosage { get; init; }

    /// <summary>The pace of a guided session: the front matter's <c>tempo</c>, or <see cref="Content.Tempo.Default"/>.</summary>
    public Tempo Tempo { get; init; } = Tempo.Default;

    public required IReadOnlyList<string> Cautions { get; init; }

    /// <summary>This stretch's own reasons to stop, on top of <see cref="SafetyRule"/>, which every stretch shares.</summary>
    public required IReadOnlyList<string> StopIf { get; init; }

    public required IReadOnlyList<Variant> Easier { get; init; }

    public required IReadOnlyList<Variant> Harder { get; init; }

    public required IReadOnlyList<string> Related { get; init; }

    public int Order { get; init; }

    /// <summary>The body rendered to HTML. Content in the repository is trusted; raw HTML in it is not rendered.</summary>
    public required string BodyHtml { get; init; }

    /// <summary>The body as plain text, for search.</summary>
    public required string BodyText { get; init; }

    /// <summary>The items of the body's "Steps" list, as plain text.</summary>
    public required IReadOnlyList<string> Steps { get; init; }

    public required string SourcePath { get; init; }

    /// <summary>The line-art figures drawn from the front matter's <c>illustration</c>, or null when it has none.</summary>
    public Illustration? Illustration { get; init; }
}

public sealed record Guide
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public int Order { get; init; }

    public required string BodyHtml { get; init; }

    public required string SourcePath { get; init; }
}

/// <summary>One thing wrong with a content file. <see cref="Line"/> is 1-based.</summary>
public sealed record ContentProblem(string Path, int Line, string Reason)
{
    public override string ToString() => $"{Path}:{Line}: {Reason}";
}

/// <summary>A stretch in a starter routine, with optional fixed overrides of its dosage.</summary>
public sealed record StarterItem(string StretchSlug, int? Reps, int? HoldSeconds, int? Sets, int? PerDay, string? Note);

/// <summary>A ready-made routine from <c>content/routines/</c> that people can copy to their own.</summary>
public sealed record StarterRoutine
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public int? WeeklyTarget { get; init; }

    public required IReadOnlyList<StarterItem> Items { get; init; }

    public int Order { get; init; }

    public required string BodyHtml { get; init; }

    public required string SourcePath { get; init; }
}
