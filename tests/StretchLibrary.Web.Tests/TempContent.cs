using System.Text;

namespace StretchLibrary.Web.Tests;

/// <summary>A throw-away content folder on disk, deleted when disposed.</summary>
public sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Join(Path.GetTempPath(), "stretchlibrary-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The repository's shipped content folder.</summary>
    public static string ShippedRoot { get; } = FindShipped();

    public string Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Join(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Copies the shipped content in, so tests can break a copy without touching the real files.</summary>
    public TempContent WithShippedContent()
    {
        foreach (var file in Directory.EnumerateFiles(ShippedRoot, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Join(Root, Path.GetRelativePath(ShippedRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the OS temp cleaner will get it.
        }
    }

    /// <summary>A valid stretch file; <paramref name="frontMatter"/> lines replace or add fields.</summary>
    public static string Stretch(string title = "Test stretch", string category = "back", string? frontMatter = null, string body = "## Steps\n\n1. Sit tall.\n2. Turn slowly.\n\n## Tips\n\n- Breathe.\n") =>
        $"""
        ---
        title: {title}
        category: {category}
        summary: A stretch used by the tests.
        positions: [seated]
        equipment: [chair]
        dosage:
          reps: 10
        {frontMatter}
        ---
        {body}
        """;

    private static string FindShipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Join(dir.FullName, "StretchLibrary.sln")))
            {
                return Path.Join(dir.FullName, "content");
            }
        }

        throw new InvalidOperationException("Could not find the repository root (StretchLibrary.sln) above " + AppContext.BaseDirectory);
    }
}
