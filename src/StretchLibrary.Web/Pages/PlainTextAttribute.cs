using System.ComponentModel.DataAnnotations;

namespace StretchLibrary.Web.Pages;

/// <summary>
/// Text a person typed: no control characters (NUL, escape and the like) and no bidirectional overrides that
/// make text display differently from what it says; line breaks and tabs only where <see cref="MultiLine"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public PlainTextAttribute()
        : base("Remove the invisible control characters from the text.")
    {
    }

    public bool MultiLine { get; set; }

    public override bool IsValid(object? value) =>
        value is not string text || text.All(c => MultiLine && c is '\n' or '\r' or '\t' || !IsHidden(c));

    private static bool IsHidden(char c) => char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
