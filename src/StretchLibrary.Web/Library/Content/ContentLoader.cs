using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Library.Content;

/// <summary>Reads a content folder into a <see cref="ContentSnapshot"/>, collecting every problem on the way.</summary>
public static class ContentLoader
{
    /// <param name="figures">Where drawn figures are kept between runs; null draws them (once per process).</param>
    public static ContentSnapshot Load(string root, FigureCache? figures = null)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new(root, 0, "content folder not found"));
            return new ContentSnapshot([], [], problems);
        }

        // Files parse independently, so they parse in parallel; problems are merged in path order afterwards.
        var stretchesRoot = Path.Join(root, "stretches");
        var stretches = ParseAll(Files(stretchesRoot), problems, (path, bytes, found) =>
        {
            var folder = Path.GetRelativePath(stretchesRoot, Path.GetDirectoryName(path)!);
            if (folder.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || folder == ".")
            {
                found.Add(new(path, 1, "stretch files belong in stretches/back, stretches/posture or stretches/neck"));
                return null;
            }

            return ArticleParser.ParseStretch(path, bytes, folder, found, figures);
        });
        var guides = ParseAll(Files(Path.Join(root, "guides")), problems, ArticleParser.ParseGuide);
        var starters = ParseAll(Files(Path.Join(root, "routines")), problems, ArticleParser.ParseStarter);

        stretches = Unique(stretches, s => s.Slug, s => s.SourcePath, problems);
        guides = Unique(guides, g => g.Slug, g => g.SourcePath, problems);
        var slugs = stretches.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        stretches = [.. stretches.Select(s => DropUnknownRelated(s, slugs, problems))];
        starters = [.. Unique(starters, s => s.Slug, s => s.SourcePath, problems).Where(s => AllStretchesExist(s, slugs, problems))];
        problems.Sort((a, b) => (string.CompareOrdinal(a.Path, b.Path), a.Line.CompareTo(b.Line)) switch
        {
            (0, var line) => line,
            (var path, _) => path,
        });
        return new ContentSnapshot(stretches, guides, problems, starters);
    }

    private static List<T> ParseAll<T>(IEnumerable<string> paths, List<ContentProblem> problems, Func<string, byte[], List<ContentProblem>, T?> parse)
        where T : class
    {
        var results = paths.AsParallel().AsOrdered().Select(path =>
        {
            var found = new List<ContentProblem>();
            var item = Read(path, found) is { } bytes ? Guard(path, found, () => parse(path, bytes, found)) : null;
            return (Item: item, Problems: found);
        }).ToList();
        problems.AddRange(results.SelectMany(r => r.Problems));
        return [.. results.Select(r => r.Item).OfType<T>()];
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
    private static Stretch DropUnknownRelated(Stretch stretch, HashSet<string> slugs, List<ContentProblem> problems)
    {
        var known = stretch.Related.Where(r => r != stretch.Slug && slugs.Contains(r)).ToArray();
        foreach (var missing in stretch.Related.Except(known))
        {
            problems.Add(new(stretch.SourcePath, LineOf(stretch.SourcePath, "related:"), $"related slug '{missing}' is not a stretch in the library"));
        }

        return known.Length == stretch.Related.Count ? stretch : stretch with { Related = known };
    }

    /// <summary>A starter naming a stretch that is not in the library is reported and left out.</summary>
    private static bool AllStretchesExist(StarterRoutine starter, HashSet<string> slugs, List<ContentProblem> problems)
    {
        var missing = starter.Items.Where(i => !slugs.Contains(i.StretchSlug)).ToArray();
        foreach (var item in missing)
        {
            problems.Add(new(starter.SourcePath, LineOf(starter.SourcePath, "  - stretch: " + item.StretchSlug), $"stretch '{item.StretchSlug}' is not in the library"));
        }

        return missing.Length == 0;
    }

    private static int LineOf(string path, string prefix)
    {
        try
        {
            var lines = File.ReadLines(path).ToArray();
            var index = Array.FindIndex(lines, l => l.TrimEnd().StartsWith(prefix, StringComparison.Ordinal));
            return index + 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file went away (or became unreadable) while loading: the problem still names it, without a line.
            return 0;
        }
    }
}
