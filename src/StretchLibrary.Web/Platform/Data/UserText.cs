using System.Globalization;
using System.Text;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// The one rule for text people save (routine names, notes), used by the forms (<c>[PlainText]</c>) and by import
/// alike: no control characters (NUL, escape, bell; line breaks and tabs only in notes), no bidirectional overrides
/// or isolates that make text display differently from what it says, no broken UTF-16, and a name must show at least
/// one visible character (not only spaces, zero-width spaces or byte-order marks).
/// </summary>
public static class UserText
{
    public const string HiddenMessage = "Remove the invisible control characters from the text.";

    public const string InvisibleNameMessage = "Use at least one visible letter, digit or sign.";

    /// <summary>Why <paramref name="text"/> cannot be saved, or null when it can.</summary>
    /// <param name="multiLine">Notes: line breaks and tabs allowed. Names: one line, and something visible.</param>
    public static string? Problem(string text, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (HasHidden(text, multiLine))
        {
            return HiddenMessage;
        }

        return !multiLine && !string.IsNullOrWhiteSpace(text) && !HasVisible(text) ? InvisibleNameMessage : null;
    }

    private static bool HasHidden(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')) || IsBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }

    // Embeddings and overrides (U+202A..202E) and isolates (U+2066..2069).
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool HasVisible(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var visible = category is not (UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned);
            // Letters that render as blank space (Hangul fillers, the blank Braille pattern).
            if (visible && rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800))
            {
                return true;
            }
        }

        return false;
    }
}
