using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Components.Writers;

/// <summary>
/// The pain trend (<see cref="PainTrend"/>, which renders this) written straight to the page: pain before and after
/// each session as a line chart (0-10), with a caption and a table that say the same in words; nothing until some
/// pain has been recorded. The routine page renders it on every request, and the component renderer cost more than
/// the drawing (bench/README, "Fresh render"). No inline styles (CSP): the look is in site.css.
/// </summary>
public sealed class PainTrendHtml : IHtmlContent
{
    private const int Width = 320;
    private const int Height = 170;
    private const int PlotLeft = 36;
    private const int PlotRight = 308;
    private const int PlotTop = 28;
    private const int PlotBottom = 138;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly int[] GridLevels = [0, 5, 10];

    private readonly List<PainPoint> _shown;
    private readonly string _id;

    /// <param name="id">Prefix for the element ids; give each chart on a page its own.</param>
    public PainTrendHtml(IReadOnlyList<PainPoint> points, string id = "pain-trend")
    {
        ArgumentNullException.ThrowIfNull(points);
        _shown = [.. points.Where(p => p.Before is not null || p.After is not null).OrderBy(p => p.Date)];
        _id = id;
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        if (_shown.Count == 0)
        {
            return;
        }

        var id = encoder.Encode(_id);
        writer.Write(string.Create(Inv, $"<figure class=\"pain-trend\"><svg class=\"pain-trend-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\"><title id=\"{id}-title\">Pain before and after sessions</title>\n"));
        writer.Write(string.Create(Inv, $"            <desc id=\"{id}-desc\">Pain from 0 (none) to 10 (worst) for each session, oldest on the left. Dashed line and open circles: before the session. Solid line and filled circles: after.</desc>\n"));
        writer.Write(string.Create(Inv, $"            <g class=\"pain-legend\"><g class=\"pain-before\"><line x1=\"{PlotLeft}\" y1=\"10\" x2=\"{PlotLeft + 20}\" y2=\"10\"></line>\n"));
        writer.Write(string.Create(Inv, $"                    <circle cx=\"{PlotLeft + 10}\" cy=\"10\" r=\"3\"></circle>\n                    <text x=\"{PlotLeft + 26}\" y=\"14\">Before</text></g>\n"));
        writer.Write(string.Create(Inv, $"                <g class=\"pain-after\"><line x1=\"{PlotLeft + 80}\" y1=\"10\" x2=\"{PlotLeft + 100}\" y2=\"10\"></line>\n"));
        writer.Write(string.Create(Inv, $"                    <circle cx=\"{PlotLeft + 90}\" cy=\"10\" r=\"3\"></circle>\n                    <text x=\"{PlotLeft + 106}\" y=\"14\">After</text></g></g>\n"));
        writer.Write("            <g class=\"pain-grid\">");
        foreach (var level in GridLevels)
        {
            writer.Write(string.Create(Inv, $"<line x1=\"{PlotLeft - 4}\" y1=\"{N(Y(level))}\" x2=\"{PlotRight + 4}\" y2=\"{N(Y(level))}\"></line>\n"));
            writer.Write(string.Create(Inv, $"                    <text x=\"{PlotLeft - 8}\" y=\"{N(Y(level) + 4)}\" text-anchor=\"end\">{level}</text>"));
        }

        writer.Write("</g>\n            <g class=\"pain-dates\">");
        if (_shown[0].Date == _shown[^1].Date)
        {
            // Every session on the same day: that date once, under the middle of them.
            writer.Write(string.Create(Inv, $"<text x=\"{N((X(0) + X(_shown.Count - 1)) / 2)}\" y=\"{PlotBottom + 18}\" text-anchor=\"middle\">{_shown[0].Date:d MMM}</text>"));
        }
        else
        {
            writer.Write(string.Create(Inv, $"<text x=\"{N(X(0))}\" y=\"{PlotBottom + 18}\" text-anchor=\"start\">{_shown[0].Date:d MMM}</text>\n"));
            writer.Write(string.Create(Inv, $"                    <text x=\"{N(X(_shown.Count - 1))}\" y=\"{PlotBottom + 18}\" text-anchor=\"end\">{_shown[^1].Date:d MMM}</text>"));
        }

        writer.Write("</g>");
        WriteSeries(writer, "before", "pain-before", p => p.Before);
        WriteSeries(writer, "after", "pain-after", p => p.After);
        writer.Write("</svg>\n        <table class=\"visually-hidden\"><caption>Pain before and after each session, 0 to 10</caption>\n");
        writer.Write("            <thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead>\n            <tbody>");
        foreach (var point in _shown)
        {
            writer.Write(string.Create(Inv, $"<tr><th scope=\"row\">{point.Date:d MMM yyyy}</th><td>{Score(point.Before)}</td><td>{Score(point.After)}</td></tr>"));
        }

        writer.Write("</tbody></table>\n        <figcaption>");
        encoder.Encode(writer, Caption());
        writer.Write("</figcaption></figure>");
    }

    private void WriteSeries(TextWriter writer, string name, string cssClass, Func<PainPoint, int?> value)
    {
        writer.Write(string.Create(Inv, $"<g class=\"pain-series {cssClass}\">"));
        var marks = 0;
        foreach (var point in _shown)
        {
            marks += value(point) is null ? 0 : 1;
        }

        if (marks > 1)
        {
            writer.Write("<polyline points=\"");
            var separator = "";
            for (var i = 0; i < _shown.Count; i++)
            {
                if (value(_shown[i]) is { } v)
                {
                    writer.Write(string.Create(Inv, $"{separator}{N(X(i))},{N(Y(v))}"));
                    separator = " ";
                }
            }

            writer.Write("\"></polyline>");
        }

        for (var i = 0; i < _shown.Count; i++)
        {
            if (value(_shown[i]) is { } v)
            {
                writer.Write(string.Create(Inv, $"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(v))}\" r=\"3.5\"><title>{_shown[i].Date:d MMM yyyy}, {name}: {v}</title></circle>"));
            }
        }

        writer.Write("</g>");
    }

    private string Caption() => (Average(p => p.Before), Average(p => p.After)) switch
    {
        ({ } before, { } after) when after < before => $"Pain after sessions averaged {F(after)}, down from {F(before)} before",
        ({ } before, { } after) when after > before => $"Pain after sessions averaged {F(after)}, up from {F(before)} before",
        ({ }, { } after) => $"Pain after sessions averaged {F(after)}, the same as before",
        ({ } before, null) => $"Pain before sessions averaged {F(before)}; none recorded after",
        (null, { } after) => $"Pain after sessions averaged {F(after)}; none recorded before",
        _ => "",
    };

    // Rounded to the one decimal shown, so the words never say "down from 3.2" to 3.2.
    private double? Average(Func<PainPoint, int?> value)
    {
        var values = _shown.Select(value).OfType<int>().ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(), 1, MidpointRounding.AwayFromZero);
    }

    private double X(int index) => _shown.Count == 1
        ? (PlotLeft + PlotRight) / 2.0
        : PlotLeft + (index * (PlotRight - PlotLeft) / (_shown.Count - 1.0));

    // Scores outside 0-10 are drawn at the edge; the table shows them as recorded.
    private static double Y(int value) => PlotBottom - (Math.Clamp(value, 0, 10) * (PlotBottom - PlotTop) / 10.0);

    private static string N(double value) => value.ToString("0.##", Inv);

    private static string F(double value) => value.ToString("0.0", Inv);

    private static string Score(int? value) => value?.ToString(Inv) ?? "not recorded";
}
