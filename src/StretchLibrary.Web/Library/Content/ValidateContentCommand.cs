namespace StretchLibrary.Web.Library.Content;

/// <summary><c>validate-content [DIR]</c>: prints one <c>path:line: reason</c> per problem; exit 1 if any.</summary>
public static class ValidateContentCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var root = args.Length > 0 ? args[0] : "content";
        var snapshot = ContentLoader.Load(Locate(root));
        foreach (var problem in snapshot.Problems)
        {
            // Paths as the user would type them: relative to the DIR they gave.
            var relative = Path.GetRelativePath(Locate(root), problem.Path);
            output.WriteLine(problem with { Path = relative == "." ? root : Path.Join(root, relative) });
        }

        // Warnings do not fail the check: a stretch can be published before its figures are posed.
        foreach (var stretch in snapshot.Stretches.Where(s => s.Illustration is null && !snapshot.Problems.Any(p => p.Path == s.SourcePath)))
        {
            var relative = Path.GetRelativePath(Locate(root), stretch.SourcePath);
            output.WriteLine($"{Path.Join(root, relative)}:1: warning: no illustration (add an 'illustration:' block, see content/README.md)");
        }

        output.WriteLine($"{snapshot.Stretches.Count} stretches, {snapshot.Guides.Count} guides, {snapshot.Starters.Count} starter routines, {snapshot.Problems.Count} problems in {root}");
        return snapshot.Problems.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// `dotnet run` starts a web project in its own folder, so a relative DIR is looked up from the shell's
    /// folder (PWD) when it is not found from the current one.
    /// </summary>
    internal static string Locate(string root)
    {
        if (Path.IsPathRooted(root) || Directory.Exists(root))
        {
            return Path.GetFullPath(root);
        }

        var shell = Environment.GetEnvironmentVariable("PWD");
        return string.IsNullOrEmpty(shell) ? Path.GetFullPath(root) : Path.GetFullPath(root, shell);
    }
}
