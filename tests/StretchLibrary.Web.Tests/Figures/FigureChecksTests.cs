using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Figures;

public sealed class FigureChecksTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    // Front matter lines 9 on (TempContent.Stretch puts them after the dosage): the second frame's line is 17.
    private static string Seated(string secondPose) => $$"""
        illustration:
          view: side
          props: [chair]
          frames:
            - name: start
              base: seated
              pose: { neck.flex: 0 }
              alt: Sitting tall.
            - name: reach-back
              base: seated
              pose: { {{secondPose}} }
              alt: One arm reaching back.
        """;

    [Fact]
    public void A_hand_through_the_backrest_fails_validate_content_with_path_and_line()
    {
        var path = _content.Write("stretches/back/through.md", TempContent.Stretch(frontMatter: Seated("r.shoulder.flex: -45, r.elbow.flex: 20")));
        var output = new StringWriter();

        var exit = ValidateContentCommand.Run([_content.Root], output);

        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith($"{path}:17: frame 'reach-back': the right ", StringComparison.Ordinal) && l.EndsWith("into the chair", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("frame 'start'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_arm_beside_the_chair_passes()
    {
        _content.Write("stretches/back/beside.md", TempContent.Stretch(frontMatter: Seated("r.shoulder.flex: -20, r.shoulder.abd: 30")));
        var output = new StringWriter();

        Assert.Equal(0, ValidateContentCommand.Run([_content.Root], output));
    }

    [Fact]
    public void Hands_apart_are_reported_when_the_frame_says_clasped()
    {
        var apart = new Dictionary<string, double> { ["l.shoulder.flex"] = -25, ["r.shoulder.flex"] = -25 };
        var frame = new FigureFrame("start", "standing", apart, "Hands clasped behind.", Hands: FigureFrame.Clasped);

        var problems = FigureChecks.Check(frame, Stage.Build("standing", apart, [])).ToList();

        Assert.Contains(problems, p => p.StartsWith("the hands are ", StringComparison.Ordinal) && p.EndsWith("apart but the frame says clasped (at most 6 cm)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_frame_that_says_clasped_is_drawn_with_the_hands_holding_each_other()
    {
        var apart = new Dictionary<string, double> { ["l.shoulder.flex"] = -25, ["r.shoulder.flex"] = -25 };
        var spec = new IllustrationSpec("side", [], [], HeadOnly: false, [new("start", "standing", apart, "Hands clasped behind.", Hands: FigureFrame.Clasped)]);

        var drawn = Illustration.Draw(spec);

        Assert.Empty(drawn.Problems);
    }

    [Fact]
    public void A_lying_head_off_the_floor_is_reported_unless_the_frame_lifts_it()
    {
        var propped = new Dictionary<string, double> { ["spine.upper.flex"] = 40, ["neck.flex"] = 30 };
        var scene = Stage.Build("lying on back", propped, []);

        var resting = FigureChecks.Check(new FigureFrame("start", "lying on back", propped, "Lying."), scene).ToList();
        var lifted = FigureChecks.Check(new FigureFrame("start", "lying on back", propped, "Lying.", Head: FigureFrame.Lifted), scene).ToList();

        Assert.Contains(resting, p => p.StartsWith("the head is ", StringComparison.Ordinal) && p.Contains("above the floor but a lying head rests", StringComparison.Ordinal));
        Assert.Empty(lifted);
    }

    [Fact]
    public void Unknown_hands_and_head_values_are_reported_with_their_line()
    {
        var path = _content.Write("stretches/back/odd.md", TempContent.Stretch(frontMatter:
            "illustration:\n  frames:\n    - name: a\n      base: standing\n      hands: waving\n      head: up\n      view: sideways\n      alt: x\n"));
        var output = new StringWriter();

        ValidateContentCommand.Run([_content.Root], output);

        var text = output.ToString();
        Assert.Contains($"{path}:13: unknown hands 'waving' (expected one of: clasped, behind head, right hand on side, right hand behind head)", text, StringComparison.Ordinal);
        Assert.Contains($"{path}:14: unknown head 'up'", text, StringComparison.Ordinal);
        Assert.Contains($"{path}:15: unknown view 'sideways'", text, StringComparison.Ordinal);
    }
}
