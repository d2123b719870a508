using System.Globalization;
using System.Text.Json;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Export;

/// <summary>
/// The routines read from an import file, or the problems found in it: the first <see cref="ImportReader.MaxErrors"/>
/// (each as "path: problem") and how many there are in all.
/// </summary>
public sealed record ImportResult(IReadOnlyList<ExportedRoutine> Routines, IReadOnlyList<string> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>
/// Reads a JSON export (see <see cref="ExportDocument"/>) and checks every value against the limits the app's own
/// forms apply, finding all problems with their JSON path rather than stopping at the first. Only the first
/// <see cref="MaxErrors"/> are written out (the rest are counted), and a slug's path is built only for a problem
/// written out, so memory stays a bounded multiple of the file's size however many values are bad.
/// </summary>
public static class ImportReader
{
    public const int MaxRoutines = AccountLimits.MaxRoutines, MaxItemsPerRoutine = AccountLimits.MaxItemsPerRoutine, MaxCompletions = AccountLimits.MaxSessions;
    public const int MaxStretchesPerCompletion = 100, SlugMaxLength = 100, MaxWeeklyTarget = 21;

    /// <summary>At most this many problems are listed; the rest are counted.</summary>
    public const int MaxErrors = 100;

    private static readonly JsonElement[] None = [];

    private static readonly string NotASlug = $"must be a stretch slug of 1-{SlugMaxLength} characters";
    private const string BrokenCharacter = "has a broken character (a lone UTF-16 surrogate such as \\ud800)";

    /// <param name="today">The importing user's local date: sessions after it are refused.</param>
    /// <param name="now">The current instant: sessions logged after it are refused.</param>
    public static ImportResult Read(string json, DateOnly today, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return new ImportResult([], [$"$: not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})"], 1);
        }

        using (document)
        {
            var reader = new Reader(today, now);
            var routines = reader.Document(document.RootElement);
            return reader.ErrorCount == 0 ? new ImportResult(routines, [], 0) : new ImportResult([], reader.Errors, reader.ErrorCount);
        }
    }

    private enum TextRule
    {
        /// <summary>A value the reader parses or compares (format, dates): only trimmed and measured.</summary>
        Field,

        /// <summary>One line that people read: a routine name or a slug.</summary>
        Name,

        /// <summary>A note: line breaks and tabs allowed.</summary>
        Note,
    }

    private sealed class Reader(DateOnly today, DateTimeOffset now)
    {
        private int _completions;
        private bool _tooManyCompletions;

        public List<string> Errors { get; } = [];

        public int ErrorCount { get; private set; }

        public List<ExportedRoutine> Document(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "must be an object; is this a StretchLibrary export?");
                return [];
            }

            // Another format or version has another shape: say so once rather than list every difference.
            if (Text(root, "", "format", 100, required: true) is { } format && format != ExportDocument.FormatName)
            {
                Error("format", $"must be \"{ExportDocument.FormatName}\"");
            }

            if (Number(root, "", "version", 1, int.MaxValue, required: true) is { } version && version != ExportDocument.CurrentVersion)
            {
                Error("version", $"must be {ExportDocument.CurrentVersion}; this file has version {version}");
            }

            return ErrorCount > 0 ? [] : [.. List(root, "", "routines", MaxRoutines, required: true).Select((r, i) => Routine(r, $"routines[{i}]"))];
        }

        private ExportedRoutine Routine(JsonElement routine, string path)
        {
            if (!IsObject(routine, path))
            {
                return new ExportedRoutine("", null, [], []);
            }

            var name = Text(routine, path, "name", StretchLibrary.Web.Routines.Routine.NameMaxLength, required: true, rule: TextRule.Name);
            var target = Number(routine, path, "weeklyTarget", 1, MaxWeeklyTarget);
            var notes = Text(routine, path, "notes", StretchLibrary.Web.Routines.Routine.NotesMaxLength, rule: TextRule.Note);
            var items = List(routine, path, "items", MaxItemsPerRoutine).Select((e, i) => Item(e, $"{path}.items[{i}]")).ToList();
            var sessions = List(routine, path, "completions", MaxCompletions);
            _completions += sessions.Count();
            if (_completions > MaxCompletions)
            {
                if (!_tooManyCompletions)
                {
                    Error(Join(path, "completions"), $"the file has more than {MaxCompletions} sessions in all");
                    _tooManyCompletions = true;
                }

                sessions = [];
            }

            return new ExportedRoutine(name ?? "", target, items, [.. sessions.Select((e, i) => Completion(e, $"{path}.completions[{i}]"))], notes);
        }

        private ExportedItem Item(JsonElement item, string path) => !IsObject(item, path)
            ? new ExportedItem("", null, null, null, null, null)
            : new ExportedItem(
                Text(item, path, "slug", SlugMaxLength, required: true, rule: TextRule.Name) ?? "",
                Number(item, path, "reps", 1, Dosage.MaxReps),
                Number(item, path, "holdSeconds", 1, Dosage.MaxHoldSeconds),
                Number(item, path, "sets", 1, Dosage.MaxSets),
                Number(item, path, "perDay", 1, Dosage.MaxPerDay),
                Text(item, path, "note", RoutineItem.NoteMaxLength, rule: TextRule.Note),
                Side(item, path),
                Number(item, path, "restSeconds", Tempo.MinPhaseSeconds, Tempo.MaxRestSeconds),
                Number(item, path, "tempoSeconds", Tempo.MinPhaseSeconds, Tempo.MaxPhaseSeconds));

        /// <summary>"left" or "right" (one side only); missing for both sides.</summary>
        private string? Side(JsonElement item, string path)
        {
            var side = Text(item, path, "side", 10);
            if (side is not (null or ItemSides.Left or ItemSides.Right))
            {
                Error(Join(path, "side"), $"must be \"{ItemSides.Left}\" or \"{ItemSides.Right}\" (leave it out for both sides)");
                return null;
            }

            return side;
        }

        private ExportedCompletion Completion(JsonElement session, string path)
        {
            if (!IsObject(session, path))
            {
                return new ExportedCompletion(default, default, [], null, null, null);
            }

            var date = default(DateOnly);
            if (Text(session, path, "date", 100, required: true) is { } dateText)
            {
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                    Error(Join(path, "date"), "must be a date like 2026-03-01");
                }
                else if (date > today)
                {
                    Error(Join(path, "date"), $"is after today ({today:yyyy-MM-dd} in your time zone)");
                }
            }

            var completedAt = default(DateTimeOffset);
            if (Text(session, path, "completedAtUtc", 100, required: true) is { } instantText)
            {
                if (!DateTimeOffset.TryParse(instantText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out completedAt))
                {
                    Error(Join(path, "completedAtUtc"), "must be a date and time like 2026-03-01T08:00:00Z");
                }
                else if (completedAt > now)
                {
                    Error(Join(path, "completedAtUtc"), "is in the future");
                }
            }

            var stretchesPath = Join(path, "stretches");
            var stretches = List(session, path, "stretches", MaxStretchesPerCompletion, required: true);
            if (session.TryGetProperty("stretches", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() == 0)
            {
                Error(stretchesPath, "must list at least one stretch");
            }

            var slugs = new List<string>(list.ValueKind == JsonValueKind.Array ? Math.Min(list.GetArrayLength(), MaxStretchesPerCompletion) : 0);
            foreach (var stretch in stretches)
            {
                slugs.Add(Slug(stretch, stretchesPath, slugs.Count));
            }

            return new ExportedCompletion(
                date,
                completedAt,
                slugs,
                Number(session, path, "painBefore", 0, 10),
                Number(session, path, "painAfter", 0, 10),
                Text(session, path, "note", Sessions.Completion.NoteMaxLength, rule: TextRule.Note));
        }

        /// <summary>The slug at <paramref name="listPath"/>[<paramref name="index"/>]; the path is built only for a problem listed.</summary>
        private string Slug(JsonElement slug, string listPath, int index)
        {
            string? text = null;
            if (slug.ValueKind == JsonValueKind.String)
            {
                try
                {
                    text = slug.GetString()!.Trim();
                }
                catch (InvalidOperationException)
                {
                    ErrorAt(listPath, index, BrokenCharacter);
                    return "";
                }
            }

            if (text is not { Length: > 0 and <= SlugMaxLength } || UserText.Problem(text, multiLine: false) is not null)
            {
                ErrorAt(listPath, index, NotASlug);
            }

            return text ?? "";
        }

        /// <summary>
        /// Trimmed text; empty counts as missing. Null when missing or wrong (the error is recorded). Names and notes
        /// are held to the forms' rule (<see cref="UserText"/>).
        /// </summary>
        private string? Text(JsonElement parent, string path, string name, int maxLength, bool required = false, TextRule rule = TextRule.Field)
        {
            path = Join(path, name);
            if (!HasValue(parent, name, out var value))
            {
                return Missing(path, maxLength, required);
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Error(path, "must be text");
                return null;
            }

            if (GetString(value, path) is not { } raw)
            {
                return null;
            }

            var text = raw.Trim();
            if (text.Length == 0)
            {
                return Missing(path, maxLength, required);
            }

            if (text.Length > maxLength)
            {
                Error(path, required ? $"must be 1-{maxLength} characters" : $"must be at most {maxLength} characters");
            }
            else if (rule != TextRule.Field && UserText.Problem(text, multiLine: rule == TextRule.Note) is { } problem)
            {
                Error(path, problem);
                return null;
            }

            return text;
        }

        private string? Missing(string path, int maxLength, bool required)
        {
            if (required)
            {
                Error(path, $"is required (1-{maxLength} characters)");
            }

            return null;
        }

        /// <summary>The string, or null with an error when it holds a lone UTF-16 surrogate (which .NET cannot read).</summary>
        private string? GetString(JsonElement value, string path)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                Error(path, BrokenCharacter);
                return null;
            }
        }

        private int? Number(JsonElement parent, string path, string name, int min, int max, bool required = false)
        {
            path = Join(path, name);
            if (!HasValue(parent, name, out var value))
            {
                if (required)
                {
                    Error(path, "is required");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
            {
                Error(path, max == int.MaxValue ? "must be a whole number" : $"must be {min}-{max}");
                return null;
            }

            return number;
        }

        /// <summary>The array's elements, read in place (a file's lists are not copied), or none with the problem recorded.</summary>
        private IEnumerable<JsonElement> List(JsonElement parent, string path, string name, int maxCount, bool required = false)
        {
            path = Join(path, name);
            if (!HasValue(parent, name, out var value))
            {
                if (required)
                {
                    Error(path, "is required");
                }

                return None;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(path, "must be a list");
                return None;
            }

            var count = value.GetArrayLength();
            if (count > maxCount)
            {
                Error(path, $"must have at most {maxCount} entries; this file has {count}");
                return None;
            }

            return value.EnumerateArray();
        }

        private bool IsObject(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be an object");
                return false;
            }

            return true;
        }

        private static bool HasValue(JsonElement parent, string name, out JsonElement value) =>
            parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private void Error(string path, string problem)
        {
            if (++ErrorCount <= MaxErrors)
            {
                Errors.Add($"{path}: {problem}");
            }
        }

        private void ErrorAt(string listPath, int index, string problem)
        {
            if (++ErrorCount <= MaxErrors)
            {
                Errors.Add($"{listPath}[{index}]: {problem}");
            }
        }
    }
}
