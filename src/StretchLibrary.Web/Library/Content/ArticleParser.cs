using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StretchLibrary.Web.Library.Figures;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StretchLibrary.Web.Library.Content;

/// <summary>Turns one content file into a validated, rendered record, or into the problems that stop it.</summary>
public static partial class ArticleParser
{
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>Limits on a stretch's <c>sheet</c> cue lines, so eight stretches still fit one printed page.</summary>
    public const int MaxSheetLines = 4, MaxSheetLineLength = 66;

    public static readonly IReadOnlyList<string> KnownPositions =
        ["seated", "standing", "lying on back", "lying face down", "side-lying", "hands and knees"];

    // One pipeline for all content. Raw HTML is off, and the generic-attributes extension
    // ({onclick=...}) is deliberately not part of it.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    public static string ToTagSlug(string name) => TagSlugPattern().Replace(name.ToLowerInvariant(), "-").Trim('-');

    /// <summary>
    /// Parses a stretch file. <paramref name="folderCategory"/> is the folder it sits in; figures come from
    /// <paramref name="figures"/> when given (kept between runs), else are drawn (kept in this process).
    /// </summary>
    public static Stretch? ParseStretch(string path, byte[] bytes, string? folderCategory, List<ContentProblem> problems, FigureCache? figures = null)
    {
        // A broken illustration is reported but only drops the figures, never the article.
        var figureProblems = new List<ContentProblem>();
        var stretch = ParseStretch(path, bytes, folderCategory, problems, figureProblems, figures);
        problems.AddRange(figureProblems);
        return stretch;
    }

    private static Stretch? ParseStretch(string path, byte[] bytes, string? folderCategory, List<ContentProblem> problems, List<ContentProblem> figureProblems, FigureCache? figures) =>
        Parse<Stretch>(path, bytes, problems, fields =>
        {
            var categoryText = fields.String("category", required: true, maxLength: 20);
            Category? category = null;
            if (categoryText is not null)
            {
                if (Enum.TryParse<Category>(categoryText, ignoreCase: true, out var parsed) && !int.TryParse(categoryText, out _))
                {
                    category = parsed;
                    if (folderCategory is not null && !string.Equals(folderCategory, categoryText, StringComparison.OrdinalIgnoreCase))
                    {
                        fields.Problem(fields.Node("category"), $"category '{categoryText}' does not match the folder '{folderCategory}'");
                    }
                }
                else
                {
                    fields.Problem(fields.Node("category"), $"unknown category '{categoryText}' (expected back, posture or neck)");
                }
            }

            var subtitle = fields.String("subtitle", maxLength: 60);
            var setup = fields.String("setup", maxLength: 120);
            var sheet = ReadSheet(fields);
            var positions = fields.List("positions", required: true);
            foreach (var position in positions.Where(p => !KnownPositions.Contains(p)))
            {
                fields.Problem(fields.Node("positions"), $"unknown position '{position}' (expected one of: {string.Join(", ", KnownPositions)})");
            }

            var equipment = fields.List("equipment");
            var targets = fields.List("targets");
            var aliases = fields.List("aliases");
            var dosageFields = fields.Map("dosage");
            Dosage? dosage = null;
            if (dosageFields is null)
            {
                fields.Problem(null, "missing required field 'dosage'");
            }
            else
            {
                dosage = DosageReader.Read(dosageFields, allowAlternative: true);
            }

            var tempoFields = fields.Map("tempo");
            var tempo = tempoFields is not null ? TempoReader.Read(tempoFields) : fields.Node("tempo") is null ? Tempo.Default : null;
            var cautions = fields.List("cautions");
            var stopIf = ReadStopIf(fields);
            var complaints = ReadComplaints(fields);
            var variants = fields.Map("variants");
            var easier = variants is null ? [] : ReadVariants(variants, "easier");
            var harder = variants is null ? [] : ReadVariants(variants, "harder");
            variants?.RejectUnknown();
            var related = fields.List("related");
            foreach (var other in related.Where(r => !IsValidSlug(r)))
            {
                fields.Problem(fields.Node("related"), $"related entry '{other}' is not a slug");
            }

            var illustration = ReadIllustration(fields, path, figureProblems, figures);
            return (header, document) => category is null || dosage is null || tempo is null ? null : new Stretch
            {
                Slug = header.Slug,
                Title = header.Title,
                Subtitle = subtitle,
                Category = category.Value,
                Summary = header.Summary,
                Setup = setup,
                Sheet = sheet,
                Positions = positions.Select(p => new Tag(p, ToTagSlug(p))).ToArray(),
                Equipment = equipment.Select(e => new Tag(e, ToTagSlug(e))).ToArray(),
                Targets = targets,
                Aliases = aliases,
                Complaints = complaints,
                Dosage = dosage,
                Tempo = tempo,
                Cautions = cautions,
                StopIf = stopIf,
                Easier = easier,
                Harder = harder,
                Related = related,
                Order = header.Order,
                BodyHtml = document.ToHtml(Pipeline),
                BodyText = PlainText(document),
                Steps = ExtractSteps(document),
                SourcePath = path,
                Illustration = illustration,
            };
        });

    private static Illustration? ReadIllustration(YamlFields fields, string path, List<ContentProblem> figureProblems, FigureCache? figures)
    {
        var node = fields.Node("illustration");
        if (node is null)
        {
            return null;
        }

        var local = new List<ContentProblem>();
        var reader = new YamlFields(new YamlMappingNode(), path, 1, local);
        if (node is not YamlMappingNode map)
        {
            reader.Problem(node, "'illustration' must be a set of 'name: value' fields (view, props, frames)");
            figureProblems.AddRange(local);
            return null;
        }

        var spec = IllustrationReader.Read(reader.Child(map));
        figureProblems.AddRange(local);
        if (local.Count > 0 || spec is null || spec.Frames.Count == 0)
        {
            return null;
        }

        try
        {
            var illustration = figures is null ? DrawnIllustrations.Draw(spec) : figures.Draw(spec);
            // The figures still show; the checks fail validate-content so the pose gets fixed.
            figureProblems.AddRange(illustration.Problems.Select(p =>
                new ContentProblem(path, spec.Frames[p.Frame].Line, $"frame '{spec.Frames[p.Frame].Name}': {p.Reason}")));
            return illustration;
        }
        catch (ArgumentException ex)
        {
            figureProblems.Add(new(path, reader.LineOf(node), $"the illustration could not be drawn: {ex.Message}"));
            return null;
        }
    }

    public static Guide? ParseGuide(string path, byte[] bytes, List<ContentProblem> problems) =>
        Parse<Guide>(path, bytes, problems, _ => (header, document) => new Guide
        {
            Slug = header.Slug,
            Title = header.Title,
            Summary = header.Summary,
            Order = header.Order,
            BodyHtml = document.ToHtml(Pipeline),
            SourcePath = path,
        });

    public static StarterRoutine? ParseStarter(string path, byte[] bytes, List<ContentProblem> problems) =>
        Parse<StarterRoutine>(path, bytes, problems, fields =>
        {
            var target = fields.Int("weekly_target");
            if (target is < 1 or > 21)
            {
                fields.Problem(fields.Node("weekly_target"), $"'weekly_target' of {target} is out of range 1-21");
            }

            var items = fields.MapList("items").ToList().Select(item => ReadStarterItem(item.Fields)).OfType<StarterItem>().ToArray();
            if (items.Length == 0)
            {
                fields.Problem(fields.Node("items"), "a starter routine needs at least one item in 'items'");
            }

            return (header, document) => new StarterRoutine
            {
                Slug = header.Slug,
                Title = header.Title,
                Summary = header.Summary,
                WeeklyTarget = target,
                Items = items,
                Order = header.Order,
                BodyHtml = document.ToHtml(Pipeline),
                SourcePath = path,
            };
        });

    /// <summary>
    /// The frame every content file shares: size, encoding and front matter checks, slug, title, summary and
    /// order, the kind's own fields (read by <paramref name="readFields"/>, which returns how to build the record),
    /// unknown fields, and the body. Returns null when anything was wrong.
    /// </summary>
    private static T? Parse<T>(string path, byte[] bytes, List<ContentProblem> problems, Func<YamlFields, Func<Header, MarkdownDocument, T?>> readFields)
        where T : class
    {
        var start = problems.Count;
        if (!TrySplit(path, bytes, problems, out var fields, out var body, out var bodyLine))
        {
            return null;
        }

        var slug = SlugFromPath(path, problems);
        var title = fields.String("title", required: true, maxLength: 80);
        var summary = fields.String("summary", required: true, maxLength: 300);
        var build = readFields(fields);
        var order = fields.Int("order") ?? 100;
        fields.RejectUnknown();
        var document = ParseBody(path, body, bodyLine, problems);
        return problems.Count > start || document is null || title is null || summary is null || slug is null
            ? null
            : build(new Header(slug, title, summary, order), document);
    }

    private sealed record Header(string Slug, string Title, string Summary, int Order);

    private static StarterItem? ReadStarterItem(YamlFields item)
    {
        var slug = item.String("stretch", required: true, maxLength: 100);
        int? Bounded(string key, int max)
        {
            var value = item.Int(key);
            if (value is < 1 || value > max)
            {
                item.Problem(item.Node(key), $"'{key}' of {value} is out of range 1-{max}");
                return null;
            }

            return value;
        }

        var reps = Bounded("reps", Dosage.MaxReps);
        var hold = Bounded("hold", Dosage.MaxHoldSeconds);
        var sets = Bounded("sets", Dosage.MaxSets);
        var perDay = Bounded("per_day", Dosage.MaxPerDay);
        var note = item.String("note", maxLength: 300);
        item.RejectUnknown();
        return slug is null ? null : new StarterItem(slug, reps, hold, sets, perDay, note);
    }

    /// <summary>Checks size and encoding, then splits front matter from the body and parses the YAML.</summary>
    internal static bool TrySplit(string path, byte[] bytes, List<ContentProblem> problems, out YamlFields fields, out string body, out int bodyLine)
    {
        fields = null!;
        body = "";
        bodyLine = 1;
        if (bytes.Length > MaxFileBytes)
        {
            problems.Add(new(path, 1, $"file is {bytes.Length / 1024} KB; at most {MaxFileBytes / 1024} KB is allowed"));
            return false;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            problems.Add(new(path, line, "file is not valid UTF-8 text; save it as UTF-8"));
            return false;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problems.Add(new(path, 1, "file must start with a '---' line that opens the front matter"));
            return false;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            problems.Add(new(path, 1, "front matter is not closed by a second '---' line"));
            return false;
        }

        var yaml = string.Join('\n', lines[1..close]);
        body = string.Join('\n', lines[(close + 1)..]);
        bodyLine = close + 2;
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // YAML marks are 1-based from the first front-matter line, which is the file's line 2.
            problems.Add(new(path, (int)ex.Start.Line + 1, $"front matter is not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on some unclosed flow collections ("[" with no "]").
            problems.Add(new(path, (int)(parser.Current?.Start.Line ?? 1) + 1, "front matter is not valid YAML: a '[', '{' or quote is not closed"));
            return false;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            problems.Add(new(path, 2, "front matter must be a set of 'name: value' fields"));
            return false;
        }

        fields = new YamlFields(map, path, lineOffset: 1, problems);
        return true;
    }

    private static MarkdownDocument? ParseBody(string path, string body, int bodyLine, List<ContentProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add(new(path, bodyLine, "the body after the front matter is empty"));
            return null;
        }

        return Markdown.Parse(body, Pipeline);
    }

    private static string? SlugFromPath(string path, List<ContentProblem> problems)
    {
        var slug = Path.GetFileNameWithoutExtension(path);
        if (IsValidSlug(slug))
        {
            return slug;
        }

        problems.Add(new(path, 1, $"file name '{slug}' is not a valid slug (lower-case letters, digits and single hyphens)"));
        return null;
    }

    private static Variant[] ReadVariants(YamlFields variants, string key) =>
        variants.MapList(key).ToList().Select(item =>
        {
            var title = item.Fields.String("title", required: true, maxLength: 80);
            var text = item.Fields.String("text", required: true, maxLength: 400);
            var equipment = item.Fields.List("equipment", maxItems: 5);
            item.Fields.RejectUnknown();
            return title is null || text is null ? null : new Variant(title, text, [.. equipment.Select(e => new Tag(e, ToTagSlug(e)))]);
        }).OfType<Variant>().ToArray();

    /// <summary>
    /// A stretch's own reasons to stop (hips rolling, dizziness with hand pressure). The rule every stretch shares
    /// (<see cref="SafetyRule"/>) is shown once on each page and sheet, so a line restating it is an error.
    /// </summary>
    private static IReadOnlyList<string> ReadStopIf(YamlFields fields)
    {
        var lines = fields.List("stop_if");
        var node = fields.Node("stop_if");
        for (var i = 0; i < lines.Count; i++)
        {
            if (SafetyRule.RuleWords.FirstOrDefault(w => lines[i].Contains(w, StringComparison.OrdinalIgnoreCase)) is { } word)
            {
                var at = node is YamlSequenceNode sequence && i < sequence.Children.Count ? sequence.Children[i] : node;
                fields.Problem(at, $"stop_if line '{lines[i]}' repeats the safety rule every page already shows ('{word}'); list only this stretch's own reasons to stop");
            }
        }

        return lines;
    }

    /// <summary>Limits on a stretch's <c>complaints</c>: the words people search with, shown when a search matches them.</summary>
    public const int MaxComplaints = 12, MaxComplaintLength = 90;

    private static readonly string[] PromiseWords = ["cure", "cures", "fix", "fixes", "heal", "heals", "treat", "treats", "correct", "corrects", "undo", "undoes"];

    /// <summary>
    /// The complaints a stretch is searched by ("stiffness between the shoulder blades", "long hours at a desk"), in
    /// honest words: a line may say what the stretch eases, never that it cures, fixes, treats or undoes something
    /// (a line naming a condition says that it is not a treatment for it: "... not a treatment for kyphosis").
    /// </summary>
    private static IReadOnlyList<string> ReadComplaints(YamlFields fields)
    {
        var lines = fields.List("complaints", maxItems: MaxComplaints);
        var node = fields.Node("complaints");
        var ok = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = node is YamlSequenceNode sequence && i < sequence.Children.Count ? sequence.Children[i] : node;
            var words = line.ToLowerInvariant().Split([' ', ',', ';', ':', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
            if (line.Length > MaxComplaintLength)
            {
                fields.Problem(at, $"complaints line '{line}' is {line.Length} characters long; at most {MaxComplaintLength} are allowed");
                ok = false;
            }
            else if (PromiseWords.FirstOrDefault(words.Contains) is { } promise && !words.Contains("not"))
            {
                fields.Problem(at, $"complaints line '{line}' promises what a stretch cannot ('{promise}'); say what it eases, or that it is not a treatment");
                ok = false;
            }
            else if (lines.Take(i).Contains(line, StringComparer.OrdinalIgnoreCase))
            {
                fields.Problem(at, $"complaints line '{line}' is listed twice");
                ok = false;
            }
        }

        return ok ? lines : [];
    }

    /// <summary>
    /// The printed sheet's cue lines: each a complete sentence (ends with '.', '!' or '?', never an ellipsis),
    /// at most <see cref="MaxSheetLineLength"/> characters, at most <see cref="MaxSheetLines"/> of them.
    /// </summary>
    private static IReadOnlyList<string> ReadSheet(YamlFields fields)
    {
        var lines = fields.List("sheet", maxItems: 20);
        var node = fields.Node("sheet");
        if (lines.Count > MaxSheetLines)
        {
            fields.Problem(node, $"'sheet' has {lines.Count} lines; at most {MaxSheetLines} fit the printed sheet");
            return [];
        }

        var ok = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = node is YamlSequenceNode sequence && i < sequence.Children.Count ? sequence.Children[i] : node;
            if (line.Length > MaxSheetLineLength)
            {
                fields.Problem(at, $"sheet line '{line}' is {line.Length} characters long; at most {MaxSheetLineLength} fit the printed sheet");
                ok = false;
            }
            else if (line.Contains("...", StringComparison.Ordinal) || line.Contains('…', StringComparison.Ordinal) || !line.EndsWith('.') && !line.EndsWith('!') && !line.EndsWith('?'))
            {
                fields.Problem(at, $"sheet line '{line}' must be a complete sentence ending with '.', without an ellipsis");
                ok = false;
            }
        }

        return ok ? lines : [];
    }

    private static string[] ExtractSteps(MarkdownDocument document)
    {
        for (var i = 0; i < document.Count - 1; i++)
        {
            if (document[i] is HeadingBlock heading && InlineText(heading.Inline).Equals("Steps", StringComparison.OrdinalIgnoreCase)
                && document[i + 1] is ListBlock list)
            {
                return list.OfType<ListItemBlock>()
                    .Select(item => string.Join(' ', item.Descendants<ParagraphBlock>().Select(p => InlineText(p.Inline))))
                    .Where(step => step.Length > 0)
                    .ToArray();
            }
        }

        return [];
    }

    /// <summary>Every word of the parsed body, for the search index (no second Markdown parse).</summary>
    private static string PlainText(MarkdownDocument document) =>
        string.Join(' ', document.Descendants<LeafBlock>().Select(block => InlineText(block.Inline)).Where(text => text.Length > 0));

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var node in inline.Descendants())
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex TagSlugPattern();
}
