namespace StretchLibrary.Web.Library.Content;

/// <summary>
/// The rule every stretch shares, said once per page and once per printed sheet: what to expect, and when to stop
/// and get medical advice straight away. A stretch's own <c>stop_if</c> lines add to it; they never repeat it.
/// </summary>
public static class SafetyRule
{
    public const string Expected = "What you should feel: a gentle stretch, or muscles gently at work.";

    public const string Lead = "Stop and get medical advice straight away if you have:";

    /// <summary>What is not expected; the last line holds the nerve-type symptoms, the ones that matter most.</summary>
    public static readonly IReadOnlyList<string> Signs =
    [
        "pain, or discomfort beyond that gentle stretch",
        "a significant change in your symptoms",
        "above all, nerve-type symptoms: numbness, tingling, weakness, or pain that spreads into an arm or a leg",
    ];

    /// <summary>The heading over a stretch's own <c>stop_if</c> lines.</summary>
    public const string OwnLead = "Also stop this stretch if:";

    /// <summary>The whole rule as one sentence, for places that print it as text (the API's description).</summary>
    public const string Text = "A gentle stretch is expected. Stop and get medical advice straight away if you have pain or discomfort beyond "
        + "that, a significant change in your symptoms, or above all nerve-type symptoms (numbness, tingling, weakness, or pain "
        + "that spreads into an arm or a leg).";

    /// <summary>Words that show a <c>stop_if</c> line restating this rule instead of adding a stretch's own sign.</summary>
    public static readonly IReadOnlyList<string> RuleWords = ["any discomfort", "numbness", "tingling", "change in your symptoms"];
}
