namespace StretchLibrary.Web.Tracking;

/// <summary>
/// Rules for logging a session through the API. The "Mark done" form checks the same date rule with its own copy
/// (<c>MarkDone.Check</c>), so a change here must be made there too.
/// </summary>
public static class SessionRules
{
    /// <summary>Oldest session date accepted, in years before today.</summary>
    public const int MaxYearsBack = 5;

    /// <summary>Why <paramref name="date"/> cannot be logged when it is <paramref name="today"/> for the user, or null.</summary>
    public static string? DateProblem(DateOnly date, DateOnly today) =>
        date > today ? "That date is in the future. Choose today or an earlier day."
        : date < today.AddYears(-MaxYearsBack) ? "That date is more than five years ago."
        : null;
}
