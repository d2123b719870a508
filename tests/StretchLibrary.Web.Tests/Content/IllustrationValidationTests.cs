using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Content;

public sealed class IllustrationValidationTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    // Front matter lines 9 on (TempContent.Stretch puts them after the dosage).
    private const string Broken = """
        illustration:
          view: side
          props: [chair, trampoline]
          frames:
            - name: start
              base: seated
              pose: { neck.flex: 10, l.elbw.flex: 5, r.knee.flex: 200 }
            - name: end
              base: seated
              alt: Sitting tall.
        """;

    [Fact]
    public void Each_illustration_error_is_reported_with_path_and_line_and_exits_1()
    {
        var path = _content.Write("stretches/back/bad.md", TempContent.Stretch(frontMatter: Broken));
        var output = new StringWriter();

        var exit = ValidateContentCommand.Run([_content.Root], output);

        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains($"{path}:11: unknown prop 'trampoline' (expected one of: floor, chair, wall, foam roller, foam roller across, towel roll)", lines);
        Assert.Contains($"{path}:13: missing required field 'alt'", lines);
        Assert.Contains($"{path}:15: unknown joint 'l.elbw.flex' (content/README.md lists the joints)", lines);
        Assert.Contains(lines, l => l.StartsWith($"{path}:15: 'r.knee.flex' of 200 degrees is outside its range 0 to 150", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_illustration_drops_only_the_figures_not_the_stretch()
    {
        _content.Write("stretches/back/bad.md", TempContent.Stretch(frontMatter: Broken));

        var snapshot = ContentLoader.Load(_content.Root);

        var stretch = Assert.Single(snapshot.Stretches);
        Assert.Null(stretch.Illustration);
        Assert.NotEmpty(snapshot.Problems);
    }

    [Fact]
    public void A_valid_illustration_is_drawn_once_into_the_snapshot()
    {
        _content.Write("stretches/back/good.md", TempContent.Stretch(frontMatter: Broken
            .Replace(", trampoline", "", StringComparison.Ordinal)
            .Replace(", l.elbw.flex: 5, r.knee.flex: 200", "", StringComparison.Ordinal)
            .Replace("pose: { neck.flex: 10 }", "pose: { neck.flex: 10 }\n      alt: Head bent.", StringComparison.Ordinal)));

        var snapshot = ContentLoader.Load(_content.Root);

        Assert.Empty(snapshot.Problems);
        var illustration = Assert.Single(snapshot.Stretches).Illustration;
        Assert.NotNull(illustration);
        Assert.Equal(["start", "end"], illustration.Frames.Select(f => f.Name));
        Assert.Contains("aria-label=\"Head bent.\"", illustration.Frames[0].Svg, StringComparison.Ordinal);
        Assert.Equal(2 * Illustration.StepsPerMove, illustration.Motion.Count);
    }

    [Fact]
    public void A_stretch_without_an_illustration_is_a_warning_and_exits_0()
    {
        var path = _content.Write("stretches/back/plain.md", TempContent.Stretch());
        var output = new StringWriter();

        var exit = ValidateContentCommand.Run([_content.Root], output);

        Assert.Equal(0, exit);
        Assert.Contains($"{path}:1: warning: no illustration", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_base_view_and_too_many_frames_are_reported()
    {
        var frame = "    - name: f{0}\n      base: floating\n      alt: x\n";
        var path = _content.Write("stretches/back/odd.md", TempContent.Stretch(frontMatter:
            "illustration:\n  view: sideways\n  frames:\n" + string.Concat(Enumerable.Range(1, 5).Select(i => frame.Replace("{0}", $"{i}", StringComparison.Ordinal)))));
        var output = new StringWriter();

        ValidateContentCommand.Run([_content.Root], output);

        var text = output.ToString();
        Assert.Contains($"{path}:10: unknown view 'sideways'", text, StringComparison.Ordinal);
        Assert.Contains($"{path}:12: 'frames' must be a list of 1 to 4 frames", text, StringComparison.Ordinal);
    }
}
