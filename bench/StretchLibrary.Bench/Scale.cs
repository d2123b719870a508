using System.Diagnostics;
using System.Globalization;
using System.Text;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Bench;

/// <summary>
/// Generates ARTICLES synthetic stretches (plus the shipped content) into a temporary folder, then reports the
/// load time, resident memory after load, and search p95 over 200 varied queries.
/// </summary>
internal static class Scale
{
    private static readonly string[] Areas = ["neck", "shoulder", "thoracic", "chest", "spine", "scapula", "trunk", "rib", "hip", "lumbar", "upper back", "mid back"];
    private static readonly string[] Moves = ["rotation", "extension", "flexion", "glide", "opener", "reach", "tuck", "roll", "twist", "press", "lift", "hold"];
    private static readonly string[] Styles = ["seated", "standing", "supine", "prone", "kneeling", "wall", "doorway", "towel", "band", "foam roller", "chair", "gentle"];
    private static readonly string[] Words = BuildVocabulary();

    public static int Run(string shipped, int articles)
    {
        var root = Directory.CreateTempSubdirectory("stretchlibrary-scale-").FullName;
        try
        {
            Generate(shipped, root, articles);
            ContentLoader.Load(shipped); // JIT warm-up, so the figure is the load, not the first compile.
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var snapshot = ContentLoader.Load(root);
            var loadMs = clock.Elapsed.TotalMilliseconds;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            var rssMb = self.WorkingSet64 / 1024.0 / 1024.0;

            var queries = Queries(200);
            foreach (var query in queries.Take(20))
            {
                snapshot.Search.Search(query);
            }

            var times = new List<double>();
            var hits = 0;
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                hits += snapshot.Search.Search(query).Stretches.Count > 0 ? 1 : 0;
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var sorted = times.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale: articles={snapshot.Stretches.Count} problems={snapshot.Problems.Count} load={loadMs:0}ms rss_after_load={rssMb:0}MB search_p50={Writes.Percentile(sorted, 0.5):0.00}ms search_p95={Writes.Percentile(sorted, 0.95):0.00}ms search_max={sorted[^1]:0.00}ms queries_with_hits={hits}/200"));
            return snapshot.Problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Generate(string shipped, string root, int articles)
    {
        foreach (var file in Directory.EnumerateFiles(shipped, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Join(root, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var random = new Random(42);
        string[] categories = ["back", "posture", "neck"];
        string[] positions = ["seated", "standing", "lying on back", "lying face down", "side-lying", "hands and knees"];
        for (var i = 0; i < articles; i++)
        {
            var category = categories[i % 3];
            var title = $"{Pick(random, Styles)} {Pick(random, Areas)} {Pick(random, Moves)} {i}";
            var body = new StringBuilder("## Steps\n\n");
            for (var step = 1; step <= 5; step++)
            {
                body.Append(CultureInfo.InvariantCulture, $"{step}. {Sentence(random, 14)}\n");
            }

            body.Append("\n## Tips\n\n");
            for (var tip = 0; tip < 3; tip++)
            {
                body.Append(CultureInfo.InvariantCulture, $"- {Sentence(random, 12)}\n");
            }

            body.Append("\n## What you should feel\n\n").Append(Sentence(random, 40)).Append('\n');
            var text = $"""
                ---
                title: {title}
                category: {category}
                summary: {Sentence(random, 20)}
                setup: {Sentence(random, 8)}
                positions: [{Pick(random, positions)}]
                equipment: [{Pick(random, ["chair", "towel", "foam roller", "band"])}]
                targets: [{Pick(random, Areas)}]
                aliases: [{Pick(random, Styles)} {Pick(random, Moves)}]
                dosage:
                  reps: {random.Next(5, 11)}-{random.Next(11, 16)}
                  sides: each
                stop_if: [{Sentence(random, 6)}]
                ---
                {body}
                """;
            var path = Path.Join(root, "stretches", category, $"synthetic-{i}.md");
            File.WriteAllText(path, text);
        }
    }

    private static List<string> Queries(int count)
    {
        var random = new Random(7);
        var queries = new List<string>();
        for (var i = 0; i < count; i++)
        {
            queries.Add((i % 5) switch
            {
                0 => Pick(random, Areas),
                1 => $"{Pick(random, Styles)} {Pick(random, Moves)}",
                2 => Typo(random, Pick(random, Moves)),
                3 => Pick(random, Words)[..Math.Min(4, Pick(random, Words).Length)],
                _ => $"{Pick(random, Areas)} {Pick(random, Words)}",
            });
        }

        return queries;
    }

    private static string Typo(Random random, string word)
    {
        var i = random.Next(1, word.Length - 1);
        return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(random, Words))) + ".";

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>About 3,000 distinct made-up words, so the index has a realistic vocabulary size.</summary>
    private static string[] BuildVocabulary()
    {
        var random = new Random(1);
        const string consonants = "bcdfghklmnprstvw", vowels = "aeiou";
        var words = new HashSet<string>(Areas.Concat(Moves).SelectMany(w => w.Split(' ')));
        while (words.Count < 3000)
        {
            var length = random.Next(2, 5);
            var word = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
            }

            words.Add(word.ToString());
        }

        return [.. words];
    }
}
