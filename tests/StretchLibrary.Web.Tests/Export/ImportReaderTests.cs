using System.Text.Json.Nodes;
using StretchLibrary.Web.Routines.Export;

namespace StretchLibrary.Web.Tests.Export;

public sealed class ImportReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static JsonObject Valid() => new()
    {
        ["format"] = "stretchlibrary-export",
        ["version"] = 1,
        ["routines"] = new JsonArray(new JsonObject
        {
            ["name"] = "  Desk break ",
            ["weeklyTarget"] = 3,
            ["items"] = new JsonArray(new JsonObject { ["slug"] = "chin-tucks", ["reps"] = 10, ["note"] = "   " }),
            ["completions"] = new JsonArray(new JsonObject
            {
                ["date"] = "2026-11-18",
                ["completedAtUtc"] = "2026-11-18T09:00:00Z",
                ["stretches"] = new JsonArray("chin-tucks"),
                ["painBefore"] = 0,
            }),
        }),
    };

    private static ImportResult Read(JsonNode document) => ImportReader.Read(document.ToJsonString(), Today, Now);

    [Fact]
    public void A_valid_file_is_read_with_names_trimmed_and_blank_notes_dropped()
    {
        var result = Read(Valid());

        Assert.Empty(result.Errors);
        var routine = Assert.Single(result.Routines);
        Assert.Equal("Desk break", routine.Name);
        Assert.Equal(new ExportedItem("chin-tucks", 10, null, null, null, null), Assert.Single(routine.Items));
        var session = Assert.Single(routine.Completions);
        Assert.Equal((Today, Now.AddHours(-1), 0), (session.Date, session.CompletedAtUtc, session.PainBefore));
    }

    [Fact]
    public void Every_problem_is_listed_with_its_path_and_nothing_is_returned()
    {
        var document = Valid();
        var routine = document["routines"]![0]!;
        routine["name"] = new string('x', 81);
        routine["weeklyTarget"] = "3";
        routine["items"]![0]!["slug"] = "";
        routine["items"]![0]!["holdSeconds"] = 1.5;
        var session = routine["completions"]![0]!;
        session["date"] = "18/11/2026";
        session["completedAtUtc"] = "2026-11-18T11:00:00Z";
        session["stretches"] = new JsonArray();
        session["note"] = new string('n', 501);
        routine["completions"]!.AsArray().Add(42);

        var result = Read(document);

        Assert.Empty(result.Routines);
        Assert.Equal(
        [
            "routines[0].name: must be 1-80 characters",
            "routines[0].weeklyTarget: must be 1-21",
            "routines[0].items[0].slug: is required (1-100 characters)",
            "routines[0].items[0].holdSeconds: must be 1-600",
            "routines[0].completions[0].date: must be a date like 2026-03-01",
            "routines[0].completions[0].completedAtUtc: is in the future",
            "routines[0].completions[0].stretches: must list at least one stretch",
            "routines[0].completions[0].note: must be at most 500 characters",
            "routines[0].completions[1]: must be an object",
        ], result.Errors);
    }

    /// <summary>
    /// The hostile file from the probe, about 7.5 MB: the most sessions a file may hold, each listing the most stretches,
    /// every one an empty slug, so 2,000,000 problems.
    /// </summary>
    internal static string TwoMillionEmptySlugs()
    {
        var session = $$"""{"date":"2026-11-18","completedAtUtc":"2026-11-18T09:00:00Z","stretches":[{{string.Join(',', Enumerable.Repeat("\"\"", ImportReader.MaxStretchesPerCompletion))}}]}""";
        var text = new System.Text.StringBuilder("""{"format":"stretchlibrary-export","version":1,"routines":[{"name":"Empty","completions":[""");
        text.AppendJoin(',', Enumerable.Repeat(session, ImportReader.MaxCompletions));
        return text.Append("]}]}").ToString();
    }

    [Fact]
    public void Two_million_bad_values_keep_the_first_100_problems_in_memory_bounded_by_the_file_size()
    {
        var json = TwoMillionEmptySlugs();
        var fileBytes = System.Text.Encoding.UTF8.GetByteCount(json);
        Assert.InRange(fileBytes, 7_000_000, 8_000_000);

        // Everything the reader allocates, kept or not (the parsed document, paths, messages): a bound on its peak too.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ImportReader.Read(json, Today, Now);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 25L * fileBytes, $"reading a {fileBytes:N0}-byte file allocated {allocated:N0} bytes ({(double)allocated / fileBytes:F1}x)");
        Assert.Equal((100, 2_000_000), (result.Errors.Count, result.ErrorCount));
        Assert.Equal("routines[0].completions[0].stretches[0]: must be a stretch slug of 1-100 characters", result.Errors[0]);
        Assert.Equal("routines[0].completions[0].stretches[99]: must be a stretch slug of 1-100 characters", result.Errors[^1]);
        Assert.Empty(result.Routines);
    }

    [Fact]
    public void Too_many_routines_is_one_problem()
    {
        var document = Valid();
        var routines = new JsonArray();
        for (var i = 0; i < ImportReader.MaxRoutines + 1; i++)
        {
            routines.Add(new JsonObject { ["name"] = $"R{i}" });
        }

        document["routines"] = routines;

        Assert.Equal(["routines: must have at most 200 entries; this file has 201"], Read(document).Errors);
    }

    [Theory]
    [InlineData("[]", "$: must be an object; is this a StretchLibrary export?")]
    [InlineData("{\"version\":1,\"routines\":[]}", "format: is required (1-100 characters)")]
    [InlineData("{\"format\":\"something-else\",\"version\":1,\"routines\":[]}", "format: must be \"stretchlibrary-export\"")]
    [InlineData("{\"format\":\"stretchlibrary-export\",\"version\":\"1\",\"routines\":[]}", "version: must be a whole number")]
    public void Files_of_another_shape_are_refused_before_their_contents_are_read(string json, string error) =>
        Assert.Equal([error], ImportReader.Read(json, Today, Now).Errors);
    [Theory]
    [InlineData("name")]
    [InlineData("items[0].slug")]
    [InlineData("items[0].note")]
    [InlineData("completions[0].note")]
    [InlineData("completions[0].date")]
    [InlineData("format")]
    public void A_lone_surrogate_in_any_string_is_a_problem_with_its_path(string field)
    {
        var json = Valid();
        var (parent, name) = field switch
        {
            "name" => (json["routines"]![0]!, "name"),
            "items[0].slug" => (json["routines"]![0]!["items"]![0]!, "slug"),
            "items[0].note" => (json["routines"]![0]!["items"]![0]!, "note"),
            "completions[0].note" => (json["routines"]![0]!["completions"]![0]!, "note"),
            "completions[0].date" => (json["routines"]![0]!["completions"]![0]!, "date"),
            _ => ((JsonNode)json, "format"),
        };
        parent[name] = "MARK";
        // JsonNode cannot hold a lone surrogate, so it goes into the text as the escape a hostile file would use.
        var text = json.ToJsonString().Replace("MARK", "a\\ud800b", StringComparison.Ordinal);

        var result = ImportReader.Read(text, Today, Now);

        var path = field == "format" ? "format" : $"routines[0].{field}";
        Assert.Contains(result.Errors, e => e.StartsWith(path + ": has a broken character", StringComparison.Ordinal));
        Assert.Empty(result.Routines);
    }

    [Fact]
    public void A_lone_surrogate_in_a_listed_stretch_is_a_problem_with_its_path()
    {
        var text = Valid().ToJsonString().Replace("[\"chin-tucks\"]", "[\"\\udc00\"]", StringComparison.Ordinal);

        var result = ImportReader.Read(text, Today, Now);

        Assert.Equal(["routines[0].completions[0].stretches[0]: has a broken character (a lone UTF-16 surrogate such as \\ud800)"], result.Errors);
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("\u001b[31mred")]
    [InlineData("bell\u0007")]
    [InlineData("two\nlines")]
    [InlineData("carriage\rreturn")]
    [InlineData("\u202Eevil.exe")]
    [InlineData("\u2066isolate\u2069")]
    [InlineData("\u2067x")]
    [InlineData("\u2068x")]
    public void Names_with_control_characters_or_bidi_controls_are_refused_as_the_forms_refuse_them(string name)
    {
        var json = Valid();
        json["routines"]![0]!["name"] = name;

        var result = Read(json);

        Assert.Equal(["routines[0].name: Remove the invisible control characters from the text."], result.Errors);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u200B\uFEFF\u200B")]
    [InlineData("\u3164")]
    public void Names_made_only_of_invisible_characters_are_refused(string name)
    {
        var json = Valid();
        json["routines"]![0]!["name"] = name;

        var result = Read(json);

        Assert.Equal(["routines[0].name: Use at least one visible letter, digit or sign."], result.Errors);
    }

    [Fact]
    public void Notes_keep_line_breaks_and_tabs_but_not_other_control_characters()
    {
        var good = Valid();
        good["routines"]![0]!["items"]![0]!["note"] = "line one\nline two\tend";
        var bad = Valid();
        bad["routines"]![0]!["completions"]![0]!["note"] = "ok\u0000then \u202E";

        Assert.Equal("line one\nline two\tend", Assert.Single(Assert.Single(Read(good).Routines).Items).Note);
        Assert.Equal(["routines[0].completions[0].note: Remove the invisible control characters from the text."], Read(bad).Errors);
    }
}
