using YamlDotNet.RepresentationModel;

namespace StretchLibrary.Web.Library.Content;

/// <summary>Reads and checks the optional <c>tempo</c> block of a stretch file.</summary>
internal static class TempoReader
{
    public static Tempo? Read(YamlFields fields)
    {
        var ok = true;
        var tempo = Tempo.Default;
        if (Seconds(fields, "move", Tempo.MaxPhaseSeconds, ref ok) is { } move)
        {
            tempo = tempo with { MoveSeconds = move };
        }

        if (Seconds(fields, "return", Tempo.MaxPhaseSeconds, ref ok) is { } back)
        {
            tempo = tempo with { ReturnSeconds = back };
        }

        if (Seconds(fields, "relax", Tempo.MaxRelaxSeconds, ref ok) is { } relax)
        {
            tempo = tempo with { RelaxSeconds = relax };
        }

        if (Seconds(fields, "rest", Tempo.MaxRestSeconds, ref ok) is { } rest)
        {
            tempo = tempo with { RestSeconds = rest };
        }

        var say = fields.List("say");
        var sayNode = fields.Node("say");
        if (sayNode is not null && say.Count != 2)
        {
            fields.Problem(sayNode, "'say' needs two words or short phrases: one for the move, one for the way back, like [turn, and back]");
            ok = false;
        }
        else if (say.FirstOrDefault(w => w.Length > Tempo.MaxWordLength) is { } tooLong)
        {
            fields.Problem(sayNode, $"'say' entry '{tooLong}' is {tooLong.Length} characters long; at most {Tempo.MaxWordLength} are allowed");
            ok = false;
        }
        else if (say.Count == 2)
        {
            tempo = tempo with { MoveWord = say[0], ReturnWord = say[1] };
        }

        fields.RejectUnknown();
        return ok ? tempo : null;
    }

    private static int? Seconds(YamlFields fields, string key, int max, ref bool ok)
    {
        var node = fields.Node(key);
        if (node is null)
        {
            return null;
        }

        var text = (node as YamlScalarNode)?.Value;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || seconds < Tempo.MinPhaseSeconds || seconds > max)
        {
            fields.Problem(node, $"'{key}' must be whole seconds from {Tempo.MinPhaseSeconds} to {max}, not '{text ?? "a list"}'");
            ok = false;
            return null;
        }

        return seconds;
    }
}
