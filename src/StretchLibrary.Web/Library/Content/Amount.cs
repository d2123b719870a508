using System.Globalization;
using System.Text.RegularExpressions;

namespace StretchLibrary.Web.Library.Content;

/// <summary>How a dosage number was written: exactly, as a range, as an upper bound, or approximately.</summary>
public enum AmountKind
{
    Exactly,
    Range,
    UpTo,
    About,
}

/// <summary>A dosage number such as <c>10</c>, <c>10-15</c>, <c>up to 30</c> or <c>about 30</c>.</summary>
public sealed partial record Amount(AmountKind Kind, int Min, int Max)
{
    public static Amount Exactly(int value) => new(AmountKind.Exactly, value, value);

    public static Amount Between(int min, int max) => new(AmountKind.Range, min, max);

    public static Amount UpTo(int max) => new(AmountKind.UpTo, max, max);

    public static Amount About(int value) => new(AmountKind.About, value, value);

    public bool IsOne => Kind is AmountKind.Exactly && Max == 1;

    /// <summary>Parses the content-file syntax. Returns null with a reason when the text is not an amount.</summary>
    public static Amount? TryParse(string text, out string? error)
    {
        error = null;
        var match = AmountPattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"'{text}' is not a number, a range like 10-15, 'up to N' or 'about N'";
            return null;
        }

        if (!int.TryParse(match.Groups["a"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var a))
        {
            error = $"'{text}' is too large";
            return null;
        }

        if (match.Groups["b"].Success)
        {
            if (!int.TryParse(match.Groups["b"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                error = $"'{text}' is too large";
                return null;
            }

            if (a > b)
            {
                error = $"range '{text}' has its low end above its high end";
                return null;
            }

            return a == b ? Exactly(a) : Between(a, b);
        }

        return match.Groups["prefix"].Value.ToLowerInvariant() switch
        {
            "up to" => UpTo(a),
            "about" or "~" => About(a),
            _ => Exactly(a),
        };
    }

    public override string ToString() => Kind switch
    {
        AmountKind.Range => string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}"),
        AmountKind.UpTo => string.Create(CultureInfo.InvariantCulture, $"up to {Max}"),
        AmountKind.About => string.Create(CultureInfo.InvariantCulture, $"about {Max}"),
        _ => Max.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(?:(?<prefix>up to|about|~)\s*)?(?<a>\d{1,9})(?:\s*[-\u2013]\s*(?<b>\d{1,9}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
