namespace StretchLibrary.Web.Routines.Sessions;

public static class LoggedProblems
{
    /// <summary>
    /// Why nothing was stored, one message each, by <see cref="SessionInput"/> property name ("" for the whole
    /// session); none for a session stored or a routine gone.
    /// </summary>
    public static (string Field, string Message)[] Problems(this Logged? logged) => logged switch
    {
        Logged.Invalid(var errors) => [.. errors.SelectMany(e => e.Value.Select(message => (e.Key, message)))],
        Logged.Refused(var reason) => [("", reason)],
        _ => [],
    };
}
