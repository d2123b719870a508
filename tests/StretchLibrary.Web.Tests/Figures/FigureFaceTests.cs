using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Figures;

/// <summary>The face checks: no limb drawn over the face, and a frame that says where the eyes go shows the face.</summary>
public sealed class FigureFaceTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    // Seated trunk rotation's old 'up' frame: the joined hands raised over the head, so in the front view the left
    // forearm lay across the face.
    private const string HandsOverTheHead =
        "spine.lower.rot: 10, spine.upper.rot: 40, spine.upper.flex: -10, neck.rot: 30, neck.flex: -15, l.shoulder.flex: 145, l.shoulder.abd: -10, "
        + "l.shoulder.rot: -60, l.elbow.flex: 45, r.shoulder.flex: 145, r.shoulder.abd: 35, r.shoulder.rot: -70, r.elbow.flex: 75";

    // The shipped pose: the joined hands past the right shoulder, beside the face.
    private const string HandsPastTheShoulder =
        "spine.lower.rot: 15, spine.upper.rot: 45, spine.upper.flex: -5, neck.rot: 20, neck.flex: -15, l.shoulder.flex: 115, l.shoulder.abd: -15, "
        + "l.shoulder.rot: -30, l.elbow.flex: 30, r.shoulder.flex: 115, r.shoulder.abd: 30, r.shoulder.rot: -30, r.elbow.flex: 40";

    private static string SeatedTwist(string pose) => $$"""
        illustration:
          view: front
          props: [chair]
          frames:
            - name: start
              base: seated
              pose: { neck.flex: 0 }
              alt: Sitting tall.
            - name: up
              base: seated
              hands: clasped
              pose: { {{pose}} }
              alt: Turning to the right, the joined hands sweep up past the right shoulder, eyes following them.
        """;

    [Fact]
    public void An_arm_drawn_over_the_face_fails_validate_content_with_path_and_line()
    {
        var path = _content.Write("stretches/back/over.md", TempContent.Stretch(frontMatter: SeatedTwist(HandsOverTheHead)));
        var line = Array.FindIndex(File.ReadAllLines(path), l => l.Contains("- name: up", StringComparison.Ordinal)) + 1;
        var output = new StringWriter();

        var exit = ValidateContentCommand.Run([_content.Root], output);

        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith($"{path}:{line}: frame 'up': the left forearm is drawn over the face", StringComparison.Ordinal));
    }

    [Fact]
    public void Hands_past_the_shoulder_leave_the_face_clear()
    {
        _content.Write("stretches/back/past.md", TempContent.Stretch(frontMatter: SeatedTwist(HandsPastTheShoulder)));
        var output = new StringWriter();

        Assert.Equal(0, ValidateContentCommand.Run([_content.Root], output));
    }

    [Theory]
    [InlineData("back", true)]
    [InlineData("side", false)]
    public void A_frame_that_says_where_the_eyes_go_must_show_the_face(string view, bool hidden)
    {
        var pose = new Dictionary<string, double> { ["r.shoulder.flex"] = 90 };
        var frame = new FigureFrame("reach", "standing", pose, "Reaching forward, eyes on the hand.");

        var problems = FigureChecks.Check(frame, Stage.Build("standing", pose, []), View.Find(view)).ToList();

        Assert.Equal(hidden, problems.Contains($"the text says where the eyes go but the face is turned away in the '{view}' view"));
    }

    [Fact]
    public void A_face_turned_away_is_no_problem_when_the_text_does_not_speak_of_the_eyes()
    {
        var pose = new Dictionary<string, double> { ["r.shoulder.flex"] = 90 };
        var frame = new FigureFrame("reach", "standing", pose, "Reaching forward.");

        Assert.Empty(FigureChecks.Check(frame, Stage.Build("standing", pose, []), View.Find("back")));
    }
}
