namespace StretchLibrary.Web.Components;

/// <summary>
/// What a stretch card needs to add itself to (or remove itself from) the visitor's routine in place: the routine,
/// the slugs already in it, where to come back to without JavaScript, and the page's antiforgery token.
/// </summary>
public sealed record CardPicker(
    int RoutineId,
    string RoutineName,
    IReadOnlySet<string> InRoutine,
    string ReturnUrl,
    string TokenField,
    string Token);
