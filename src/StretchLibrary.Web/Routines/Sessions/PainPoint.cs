namespace StretchLibrary.Web.Routines.Sessions;

/// <summary>Pain (0-10) reported before and after one session; either may be missing.</summary>
public sealed record PainPoint(DateOnly Date, int? Before, int? After);
