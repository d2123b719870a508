using System.Text;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Content;

public class ArticleParserTests
{
    private const string Path = "content/stretches/back/test-stretch.md";

    private static (Stretch? Stretch, List<ContentProblem> Problems) Parse(string text, string folder = "back")
    {
        var problems = new List<ContentProblem>();
        var stretch = ArticleParser.ParseStretch(Path, Encoding.UTF8.GetBytes(text), folder, problems);
        return (stretch, problems);
    }

    [Fact]
    public void Front_matter_fields_are_read_into_the_record()
    {
        var text = """
            ---
            title: Seated trunk rotation
            category: back
            summary: A slow twist.
            setup: Sit tall on a chair.
            positions: [seated]
            equipment: [chair, foam roller]
            targets: [mid back]
            aliases: [chair twist]
            dosage:
              reps: 10-15
              sides: each
              or:
                hold: up to 30
                note: Hold where it helps most.
            cautions: [Go gently.]
            stop_if: [Your hips roll.]
            complaints: [a stiff mid back at a desk]
            variants:
              easier:
                - title: Smaller turn
                  text: Turn halfway.
            related: [quadruped-rotation]
            order: 5
            ---
            ## Steps

            1. Sit *tall*.
            2. Turn to one side.

            ## Tips

            - Breathe.
            """;

        var (stretch, problems) = Parse(text);

        Assert.Empty(problems);
        Assert.NotNull(stretch);
        Assert.Equal("test-stretch", stretch.Slug);
        Assert.Equal(Category.Back, stretch.Category);
        Assert.Equal("Sit tall on a chair.", stretch.Setup);
        Assert.Equal([new Tag("chair", "chair"), new Tag("foam roller", "foam-roller")], stretch.Equipment);
        Assert.Equal(["chair twist"], stretch.Aliases);
        Assert.Equal(["Your hips roll."], stretch.StopIf);
        Assert.Equal(["a stiff mid back at a desk"], stretch.Complaints);
        Assert.Equal(Amount.Between(10, 15), stretch.Dosage.Reps);
        Assert.Equal(Sides.Each, stretch.Dosage.Sides);
        Assert.Equal(Amount.UpTo(30), stretch.Dosage.Alternative!.Hold);
        Assert.Equal("Hold where it helps most.", stretch.Dosage.Alternative.Note);
        var easier = Assert.Single(stretch.Easier);
        Assert.Equal(("Smaller turn", "Turn halfway."), (easier.Title, easier.Text));
        Assert.Empty(easier.Equipment);
        Assert.Equal(["quadruped-rotation"], stretch.Related);
        Assert.Equal(5, stretch.Order);
        Assert.Equal(["Sit tall.", "Turn to one side."], stretch.Steps);
        Assert.Contains("<em>tall</em>", stretch.BodyHtml);
        Assert.Contains("<h2 id=\"steps\">Steps</h2>", stretch.BodyHtml);
    }

    [Fact]
    public void Subtitle_sheet_lines_and_variant_equipment_are_read()
    {
        var (stretch, problems) = Parse(TempContent.Stretch(frontMatter: """
            subtitle: on hands and knees
            sheet:
              - Turn the elbow up toward the ceiling.
              - "T: arms out to the sides, and back."
            variants:
              harder:
                - title: On a roller
                  text: Use a foam roller.
                  equipment: [foam roller]
            """));

        Assert.Empty(problems);
        Assert.NotNull(stretch);
        Assert.Equal("on hands and knees", stretch.Subtitle);
        Assert.Equal(["Turn the elbow up toward the ceiling.", "T: arms out to the sides, and back."], stretch.Sheet);
        Assert.Equal([new Tag("foam roller", "foam-roller")], stretch.VariantEquipment);
        Assert.True(stretch.Uses("foam-roller"));
        Assert.True(stretch.Uses("chair"));
        Assert.False(stretch.Uses("towel"));
    }

    [Theory]
    [InlineData("  - Lean back and gently arch your upper back over the top edge of the backrest.", "at most 66 fit the printed sheet")]
    [InlineData("  - Lean back and gently arch your upper back over...", "complete sentence")]
    [InlineData("  - Lean back and arch over the backrest\u2026", "complete sentence")]
    [InlineData("  - Breathe in, then as you breathe out", "complete sentence")]
    public void Sheet_lines_that_are_too_long_or_unfinished_are_reported(string line, string reason)
    {
        var (stretch, problems) = Parse(TempContent.Stretch(frontMatter: "sheet:\n  - Sit tall.\n" + line));

        Assert.Null(stretch);
        var problem = Assert.Single(problems);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(11, problem.Line);
    }

    [Theory]
    [InlineData("  - Any discomfort, or a marked change in your symptoms.", "any discomfort")]
    [InlineData("  - Numbness, tingling, weakness, or pain spreading into an arm.", "numbness")]
    public void A_stop_if_line_that_repeats_the_shared_safety_rule_is_reported(string line, string word)
    {
        var (stretch, problems) = Parse(TempContent.Stretch(frontMatter: "stop_if:\n  - Your hips roll.\n" + line));

        Assert.Null(stretch);
        var problem = Assert.Single(problems);
        Assert.Contains($"repeats the safety rule every page already shows ('{word}')", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(11, problem.Line);
    }

    [Theory]
    [InlineData("  - \"a headache: cures it\"", "promises what a stretch cannot ('cures')")]
    [InlineData("  - fixes a rounded upper back", "promises what a stretch cannot ('fixes')")]
    [InlineData("  - stiffness between the shoulder blades", "is listed twice")]
    [InlineData("  - a stiff neck after long hours at a desk, in a car, on a sofa, on a train, in a plane, or in bed", "at most 90")]
    public void Complaints_that_promise_a_cure_or_repeat_or_run_long_are_reported(string line, string reason)
    {
        var (stretch, problems) = Parse(TempContent.Stretch(frontMatter: "complaints:\n  - stiffness between the shoulder blades\n" + line));

        Assert.Null(stretch);
        var problem = Assert.Single(problems);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(11, problem.Line);
    }

    [Fact]
    public void A_complaint_that_says_what_a_stretch_does_not_treat_is_accepted()
    {
        var (stretch, problems) = Parse(TempContent.Stretch(frontMatter: "complaints: [\"a headache: may ease neck stiffness, does not treat headaches\"]"));

        Assert.Empty(problems);
        Assert.Equal(["a headache: may ease neck stiffness, does not treat headaches"], stretch!.Complaints);
    }

    [Fact]
    public void Tempo_is_read_and_parts_left_out_keep_the_default()
    {
        var (stretch, problems) = Parse(TempContent.Stretch(frontMatter: "tempo:\n  move: 4\n  return: 2\n  say: [turn, and back]\n  rest: 20"));

        Assert.Empty(problems);
        Assert.Equal(
            new Tempo { MoveSeconds = 4, ReturnSeconds = 2, MoveWord = "turn", ReturnWord = "and back", RelaxSeconds = Tempo.Default.RelaxSeconds, RestSeconds = 20 },
            stretch!.Tempo);
    }

    [Fact]
    public void Without_tempo_a_stretch_takes_the_default_pace()
    {
        var (stretch, problems) = Parse(TempContent.Stretch());

        Assert.Empty(problems);
        Assert.Same(Tempo.Default, stretch!.Tempo);
        Assert.Equal((3, 3, 5, 10), (Tempo.Default.MoveSeconds, Tempo.Default.ReturnSeconds, Tempo.Default.RelaxSeconds, Tempo.Default.RestSeconds));
    }

    [Theory]
    [InlineData("tempo:\n  move: 0", 10, "'move' must be whole seconds from 1 to 10, not '0'")]
    [InlineData("tempo:\n  move: 2.5", 10, "'move' must be whole seconds from 1 to 10, not '2.5'")]
    [InlineData("tempo:\n  move: 3\n  return: 12", 11, "'return' must be whole seconds from 1 to 10, not '12'")]
    [InlineData("tempo:\n  relax: 45", 10, "'relax' must be whole seconds from 1 to 30, not '45'")]
    [InlineData("tempo:\n  rest: -5", 10, "'rest' must be whole seconds from 1 to 120, not '-5'")]
    [InlineData("tempo:\n  move: [3, 4]", 10, "'move' must be whole seconds from 1 to 10, not 'a list'")]
    [InlineData("tempo:\n  say: [turn]", 10, "'say' needs two words or short phrases")]
    [InlineData("tempo:\n  say: [turn, and all the way back to the start]", 10, "'say' entry 'and all the way back to the start' is 33 characters long")]
    [InlineData("tempo:\n  pace: slow", 10, "unknown field 'pace'")]
    [InlineData("tempo: slow", 9, "'tempo' must be a set of 'name: value' fields")]
    public void A_bad_tempo_is_reported_on_its_line_and_the_stretch_is_skipped(string frontMatter, int line, string reason)
    {
        var (stretch, problems) = Parse(TempContent.Stretch(frontMatter: frontMatter));

        Assert.Null(stretch);
        var problem = Assert.Single(problems);
        Assert.StartsWith(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(line, problem.Line);
    }

    [Fact]
    public void More_sheet_lines_than_fit_are_reported()
    {
        var (stretch, problems) = Parse(TempContent.Stretch(frontMatter: "sheet: [One., Two., Three., Four., Five.]"));

        Assert.Null(stretch);
        Assert.Contains("'sheet' has 5 lines; at most 4", Assert.Single(problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_the_body_is_not_rendered()
    {
        var (stretch, _) = Parse(TempContent.Stretch(body: "Hello <script>alert(1)</script> {onclick=alert(1)}\n"));

        Assert.NotNull(stretch);
        Assert.DoesNotContain("<script>", stretch.BodyHtml);
        Assert.Contains("&lt;script&gt;", stretch.BodyHtml);
        Assert.DoesNotContain("onclick=\"", stretch.BodyHtml);
    }

    [Fact]
    public void Bad_yaml_is_reported_on_its_line()
    {
        var (stretch, problems) = Parse("---\ntitle: ok\nsummary: [unclosed\ncategory: back\n---\nbody\n");

        Assert.Null(stretch);
        var problem = Assert.Single(problems);
        Assert.Equal(Path, problem.Path);
        Assert.InRange(problem.Line, 3, 5);
        Assert.Contains("not valid YAML", problem.Reason);
    }

    [Fact]
    public void Missing_front_matter_is_reported()
    {
        var (_, problems) = Parse("# Just markdown\n");

        Assert.Equal([new ContentProblem(Path, 1, "file must start with a '---' line that opens the front matter")], problems);
    }

    [Fact]
    public void Missing_required_fields_are_each_reported()
    {
        var (stretch, problems) = Parse("---\ncategory: back\n---\nbody\n");

        Assert.Null(stretch);
        Assert.Contains(problems, p => p.Reason == "missing required field 'title'");
        Assert.Contains(problems, p => p.Reason == "missing required field 'summary'");
        Assert.Contains(problems, p => p.Reason == "missing required field 'positions'");
        Assert.Contains(problems, p => p.Reason == "missing required field 'dosage'");
    }

    [Fact]
    public void Unknown_category_is_reported_on_the_category_line()
    {
        var (stretch, problems) = Parse(TempContent.Stretch(category: "legs"));

        Assert.Null(stretch);
        Assert.Contains(new ContentProblem(Path, 3, "unknown category 'legs' (expected back, posture or neck)"), problems);
    }

    [Fact]
    public void Category_must_match_its_folder()
    {
        var (_, problems) = Parse(TempContent.Stretch(category: "neck"), folder: "back");

        Assert.Contains(problems, p => p.Line == 3 && p.Reason == "category 'neck' does not match the folder 'back'");
    }

    [Fact]
    public void Unknown_field_is_reported_as_a_probable_typo()
    {
        var (_, problems) = Parse(TempContent.Stretch(frontMatter: "titel: Oops"));

        Assert.Contains(problems, p => p.Reason == "unknown field 'titel'" && p.Line == 9);
    }

    [Theory]
    [InlineData("reps: 15-10", "'reps': range '15-10' has its low end above its high end")]
    [InlineData("reps: 0", "'reps' must be above zero, not '0'")]
    [InlineData("reps: -3", "'reps' must be above zero, not '-3'")]
    [InlineData("hold: 5000", "'hold' of 5000 is implausible; at most 600 is allowed")]
    [InlineData("sets: 40", "'sets' of 40 is implausible; at most 10 is allowed")]
    [InlineData("sides: left", "'sides' must be 'each' or 'both', not 'left'")]
    [InlineData("per_day: lots", "'per_day': 'lots' is not a number, a range like 10-15, 'up to N' or 'about N'")]
    public void Impossible_dosage_is_reported_with_its_line(string line, string reason)
    {
        var text = TempContent.Stretch().Replace("  reps: 10", "  " + line, StringComparison.Ordinal);

        var (stretch, problems) = Parse(text);

        Assert.Null(stretch);
        Assert.Equal([new ContentProblem(Path, 8, reason)], problems);
    }

    [Fact]
    public void Dosage_needs_reps_or_hold()
    {
        var text = TempContent.Stretch().Replace("  reps: 10", "  sets: 2", StringComparison.Ordinal);

        var (_, problems) = Parse(text);

        Assert.Contains(problems, p => p.Reason == "dosage needs 'reps' or 'hold'");
    }

    [Fact]
    public void Empty_body_is_reported_after_the_front_matter()
    {
        var (stretch, problems) = Parse(TempContent.Stretch(body: "\n   \n"));

        Assert.Null(stretch);
        Assert.Contains(problems, p => p.Reason == "the body after the front matter is empty" && p.Line == 11);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_reported_on_the_line_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(TempContent.Stretch()).Concat(new byte[] { (byte)'\n', 0xC3, 0x28, (byte)'\n' }).ToArray();
        var problems = new List<ContentProblem>();

        var stretch = ArticleParser.ParseStretch(Path, bytes, "back", problems);

        Assert.Null(stretch);
        var problem = Assert.Single(problems);
        Assert.Equal("file is not valid UTF-8 text; save it as UTF-8", problem.Reason);
        Assert.Equal(TempContent.Stretch().Count(c => c == '\n') + 2, problem.Line);
    }

    [Fact]
    public void Files_over_256_KB_are_refused()
    {
        var text = TempContent.Stretch(body: new string('a', 300 * 1024));
        var (stretch, problems) = Parse(text);

        Assert.Null(stretch);
        Assert.Contains("at most 256 KB", Assert.Single(problems).Reason);
    }

    [Fact]
    public void Unknown_position_is_reported()
    {
        var (_, problems) = Parse(TempContent.Stretch().Replace("positions: [seated]", "positions: [upside down]", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.Line == 5 && p.Reason.StartsWith("unknown position 'upside down'", StringComparison.Ordinal));
    }

    [Fact]
    public void Guide_needs_title_summary_and_body()
    {
        var problems = new List<ContentProblem>();

        var guide = ArticleParser.ParseGuide("content/guides/x.md", Encoding.UTF8.GetBytes("---\ntitle: Only a title\n---\n\n"), problems);

        Assert.Null(guide);
        Assert.Contains(problems, p => p.Reason == "missing required field 'summary'");
        Assert.Contains(problems, p => p.Reason == "the body after the front matter is empty");
    }
}
