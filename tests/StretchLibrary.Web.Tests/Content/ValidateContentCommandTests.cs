using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Content;

public sealed class ValidateContentCommandTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void Clean_folder_exits_0_and_prints_a_summary()
    {
        var output = new StringWriter();

        var exit = ValidateContentCommand.Run([TempContent.ShippedRoot], output);

        Assert.Equal(0, exit);
        Assert.Equal($"11 stretches, 4 guides, 4 starter routines, 0 problems in {TempContent.ShippedRoot}", output.ToString().Trim());
    }

    [Fact]
    public void Broken_folder_exits_1_with_one_line_per_problem_naming_file_line_and_reason()
    {
        _content.Write("stretches/back/good.md", TempContent.Stretch());
        _content.Write("stretches/back/bad-dosage.md", TempContent.Stretch().Replace("reps: 10", "reps: 15-10", StringComparison.Ordinal));
        _content.Write("stretches/neck/no-title.md", "---\ncategory: neck\nsummary: x\npositions: [seated]\ndosage: { reps: 5 }\n---\nbody\n");
        var output = new StringWriter();

        var exit = ValidateContentCommand.Run([_content.Root], output);

        Assert.Equal(1, exit);
        var lines = output.ToString().Trim().Split('\n');
        Assert.Equal(
            [
                $"{Path.Join(_content.Root, "stretches/back/bad-dosage.md")}:8: 'reps': range '15-10' has its low end above its high end",
                $"{Path.Join(_content.Root, "stretches/neck/no-title.md")}:2: missing required field 'title'",
                $"{Path.Join(_content.Root, "stretches/back/good.md")}:1: warning: no illustration (add an 'illustration:' block, see content/README.md)",
                $"1 stretches, 0 guides, 0 starter routines, 2 problems in {_content.Root}",
            ],
            lines);
    }

    [Fact]
    public void A_bad_tempo_is_one_line_naming_file_line_and_reason()
    {
        _content.Write("stretches/back/fast.md", TempContent.Stretch(frontMatter: "tempo:\n  move: 1\n  return: 0"));
        var output = new StringWriter();

        var exit = ValidateContentCommand.Run([_content.Root], output);

        Assert.Equal(1, exit);
        Assert.Contains(
            $"{Path.Join(_content.Root, "stretches/back/fast.md")}:11: 'return' must be whole seconds from 1 to 10, not '0'",
            output.ToString().Split('\n'));
    }
}
