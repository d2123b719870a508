namespace StretchLibrary.Web.Library.Content;

/// <summary>
/// The rhythm of a stretch in a guided session: seconds to move out and back for each paced rep, the words
/// said on each, and the relax between held reps and between sets. Any part left out takes the default.
/// </summary>
public sealed record Tempo
{
    /// <summary>Bounds content must stay within: slow and controlled, never a swing, never a stall.</summary>
    public const int MinPhaseSeconds = 1, MaxPhaseSeconds = 10, MaxRelaxSeconds = 30, MaxRestSeconds = 120, MaxWordLength = 24;

    /// <summary>A slow, controlled rep: about 3 s each way, the length of an unhurried breath.</summary>
    public static readonly Tempo Default = new();

    public int MoveSeconds { get; init; } = 3;

    public int ReturnSeconds { get; init; } = 3;

    /// <summary>Said as the move starts ("turn").</summary>
    public string MoveWord { get; init; } = "move";

    /// <summary>Said as the way back starts, before the count ("and back, 3 of 10").</summary>
    public string ReturnWord { get; init; } = "and back";

    /// <summary>Rest between held reps.</summary>
    public int RelaxSeconds { get; init; } = 5;

    /// <summary>Rest between sets.</summary>
    public int RestSeconds { get; init; } = 10;
}
