namespace StretchLibrary.Web.Routines;

/// <summary>What the "Mark done" form needs: the routine, the user's local today, and the stretches to tick.</summary>
public sealed record DoneFormView(int RoutineId, DateOnly Today, IReadOnlyList<ItemView> Items, StretchLibrary.Web.Routines.Sessions.SessionInput? Input = null);
