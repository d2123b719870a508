namespace StretchLibrary.Web.Library.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder. Empty: the nearest <c>content/</c> above the app (repository or published output).</summary>
    public string RootPath { get; set; } = "";

    /// <summary>
    /// Reload when files change (default). False for a folder whose change notifications never arrive (some
    /// network shares): then changes load when another instance announces a reload through Redis, or at restart.
    /// </summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// Where drawn figures are kept between runs, so a restart reads them instead of drawing them again. Empty:
    /// <c>App_Data/figures</c> under the app's content root (relative paths resolve against it too).
    /// </summary>
    public string FigureCachePath { get; set; } = "";

    public static string ResolveFigureCache(string? configured, string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Join("App_Data", "figures") : configured, contentRoot);

    /// <summary>
    /// Finds the folder to load: the configured one (relative paths resolve against the app's content root), or
    /// the first <c>content/</c> with a <c>stretches</c> folder found walking up from the content root and then
    /// from the app's own folder.
    /// </summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Join(dir.FullName, "content");
                if (Directory.Exists(Path.Join(candidate, "stretches")))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath("content", contentRoot);
    }
}
