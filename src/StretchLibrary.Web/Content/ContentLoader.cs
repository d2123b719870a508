namespace StretchLibrary.Web.Content;

/// <summary>Reads a content folder into a <see cref="ContentSnapshot"/>, collecting every problem on the way.</summary>
public static class ContentLoader
{
    public static ContentSnapshot Load(string root)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new(root, 0, "content folder not found"));
            return new ContentSnapshot([], [], problems);
        }

        var stretches = new List<Stretch>();
        var stretchesRoot = Path.Join(root, "stretches");
        foreach (var path in Files(stretchesRoot))
        {
            var folder = Path.GetRelativePath(stretchesRoot, Path.GetDirectoryName(path)!);
            if (folder.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || folder == ".")
            {
                problems.Add(new(path, 1, "stretch files belong in stretches/back, stretches/posture or stretches/neck"));
                continue;
            }

            if (Read(path, problems) is { } bytes && Guard(path, problems, () => ArticleParser.ParseStretch(path, bytes, folder, problems)) is { } stretch)
            {
                stretches.Add(stretch);
            }
        }

        var guides = new List<Guide>();
        foreach (var path in Files(Path.Join(root, "guides")))
        {
            if (Read(path, problems) is { } bytes && Guard(path, problems, () => ArticleParser.ParseGuide(path, bytes, problems)) is { } guide)
            {
                guides.Add(guide);
            }
        }

        var starters = new List<StarterRoutine>();
        foreach (var path in Files(Path.Join(root, "routines")))
        {
            if (Read(path, problems) is { } bytes && Guard(path, problems, () => ArticleParser.ParseStarter(path, bytes, problems)) is { } starter)
            {
                starters.Add(starter);
            }
        }

        stretches = Unique(stretches, s => s.Slug, s => s.SourcePath, problems);
        guides = Unique(guides, g => g.Slug, g => g.SourcePath, problems);
        stretches = [.. stretches.Select(s => DropUnknownRelated(s, stretches, problems))];
        starters = [.. Unique(starters, s => s.Slug, s => s.SourcePath, problems).Where(s => AllStretchesExist(s, stretches, problems))];
        problems.Sort((a, b) => (string.CompareOrdinal(a.Path, b.Path), a.Line.CompareTo(b.Line)) switch
        {
            (0, var line) => line,
            (var path, _) => path,
        });
        return new ContentSnapshot(stretches, guides, problems, starters);
    }

    /// <summary>One file must never stop the rest from loading, whatever its parser throws.</summary>
    private static T? Guard<T>(string path, List<ContentProblem> problems, Func<T?> parse)
        where T : class
    {
        try
        {
            return parse();
        }
#pragma warning disable CA1031 // Any failure is reported against the file and the load goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problems.Add(new(path, 1, $"file could not be parsed: {ex.Message}"));
            return null;
        }
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];

    private static byte[]? Read(string path, List<ContentProblem> problems)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > ArticleParser.MaxFileBytes)
            {
                problems.Add(new(path, 1, $"file is {length / 1024} KB; at most {ArticleParser.MaxFileBytes / 1024} KB is allowed"));
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            problems.Add(new(path, 0, $"file could not be read: {ex.Message}"));
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            problems.Add(new(path, 0, $"file could not be read: {ex.Message}"));
            return null;
        }
    }

    /// <summary>Keeps the first file (by path) for each slug and reports the others.</summary>
    private static List<T> Unique<T>(List<T> items, Func<T, string> slug, Func<T, string> path, List<ContentProblem> problems)
    {
        var kept = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items.OrderBy(path, StringComparer.Ordinal))
        {
            if (kept.TryGetValue(slug(item), out var first))
            {
                problems.Add(new(path(item), 1, $"duplicate slug '{slug(item)}': already used by {path(first)}"));
            }
            else
            {
                kept.Add(slug(item), item);
            }
        }

        return [.. kept.Values];
    }

    /// <summary>
    /// A link to a stretch that does not exist is reported but only the link is dropped: skipping the whole
    /// article would hide good content because of a neighbour's problem.
    /// </summary>
    private static Stretch DropUnknownRelated(Stretch stretch, List<Stretch> all, List<ContentProblem> problems)
    {
        var known = stretch.Related.Where(r => r != stretch.Slug && all.Exists(s => s.Slug == r)).ToArray();
        foreach (var missing in stretch.Related.Except(known))
        {
            problems.Add(new(stretch.SourcePath, LineOf(stretch.SourcePath, "related:"), $"related slug '{missing}' is not a stretch in the library"));
        }

        return known.Length == stretch.Related.Count ? stretch : stretch with { Related = known };
    }

    /// <summary>A starter naming a stretch that is not in the library is reported and left out.</summary>
    private static bool AllStretchesExist(StarterRoutine starter, List<Stretch> all, List<ContentProblem> problems)
    {
        var missing = starter.Items.Where(i => !all.Exists(s => s.Slug == i.StretchSlug)).ToArray();
        foreach (var item in missing)
        {
            problems.Add(new(starter.SourcePath, LineOf(starter.SourcePath, "  - stretch: " + item.StretchSlug), $"stretch '{item.StretchSlug}' is not in the library"));
        }

        return missing.Length == 0;
    }

    private static int LineOf(string path, string prefix)
    {
        var lines = File.ReadLines(path).ToArray();
        var index = Array.FindIndex(lines, l => l.TrimEnd().StartsWith(prefix, StringComparison.Ordinal));
        return index + 1;
    }
}
