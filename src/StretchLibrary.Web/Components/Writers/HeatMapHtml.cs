using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Components.Writers;

/// <summary>
/// The heat map (<see cref="HeatMap"/>, which renders this) written straight to the page: sessions per day over the
/// last <c>weeks</c> weeks, one column per week (Monday at the top), with a caption and a table that say the same in
/// words. The routine page renders it on every request, and the component renderer cost more than the drawing
/// (bench/README, "Fresh render"). Colours come from CSS classes; no inline styles (CSP).
/// </summary>
public sealed class HeatMapHtml : IHtmlContent
{
    private const int Cell = 11;
    private const int Step = 13;
    private const int Left = 26;
    private const int Top = 14;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly IReadOnlyDictionary<DateOnly, int> _countsByDate;
    private readonly DateOnly _today;
    private readonly int _weeks;
    private readonly string _id;

    /// <param name="id">Prefix for the element ids; give each heat map on a page its own.</param>
    public HeatMapHtml(IReadOnlyDictionary<DateOnly, int> countsByDate, DateOnly today, int weeks = 12, string id = "heatmap")
    {
        ArgumentNullException.ThrowIfNull(countsByDate);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        (_countsByDate, _today, _weeks, _id) = (countsByDate, today, weeks, id);
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        var first = Adherence.WeekStart(_today).AddDays(-7 * (_weeks - 1));
        // Each week's days up to today: how many are shown, done, and how many sessions they hold.
        var shown = new int[_weeks];
        var done = new int[_weeks];
        var sessions = new int[_weeks];
        for (var week = 0; week < _weeks; week++)
        {
            for (var row = 0; row < 7 && first.AddDays((7 * week) + row) <= _today; row++)
            {
                var count = Count(first.AddDays((7 * week) + row));
                (shown[week], done[week], sessions[week]) = (shown[week] + 1, done[week] + (count > 0 ? 1 : 0), sessions[week] + count);
            }
        }

        var id = encoder.Encode(_id);
        writer.Write(string.Create(Inv, $"<figure class=\"heatmap\"><svg class=\"heatmap-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Left + (_weeks * Step) + 6} {Top + (7 * Step)}\" width=\"100%\"><title id=\"{id}-title\">Sessions per day, last {_weeks} weeks</title>\n"));
        writer.Write(string.Create(Inv, $"        <desc id=\"{id}-desc\">One square per day: Monday at the top to Sunday at the bottom, the oldest week on the left. The darker the square, the more sessions that day.</desc>\n"));
        writer.Write(string.Create(Inv, $"        <g class=\"heatmap-labels\"><text x=\"{Left - 4}\" y=\"{LabelY(0)}\" text-anchor=\"end\">Mon</text>\n"));
        writer.Write(string.Create(Inv, $"            <text x=\"{Left - 4}\" y=\"{LabelY(2)}\" text-anchor=\"end\">Wed</text>\n"));
        writer.Write(string.Create(Inv, $"            <text x=\"{Left - 4}\" y=\"{LabelY(4)}\" text-anchor=\"end\">Fri</text>"));
        for (var week = 0; week < _weeks; week++)
        {
            // A month's name goes over the first week that starts in it; the first column's name is dropped when the
            // next column starts a new month, or the two would overlap.
            var month = WeekStart(first, week).Month;
            var labelled = week == 0 ? _weeks < 2 || WeekStart(first, 1).Month == month : WeekStart(first, week - 1).Month != month;
            if (labelled)
            {
                writer.Write(string.Create(Inv, $"<text x=\"{ColumnX(week)}\" y=\"{Top - 5}\">{WeekStart(first, week):MMM}</text>"));
            }
        }

        writer.Write("</g>");
        for (var week = 0; week < _weeks; week++)
        {
            for (var row = 0; row < shown[week]; row++)
            {
                var date = first.AddDays((7 * week) + row);
                var count = Count(date);
                writer.Write(string.Create(Inv, $"<rect class=\"level-{Math.Min(count, 3)}\" x=\"{ColumnX(week)}\" y=\"{Top + (row * Step)}\" width=\"{Cell}\" height=\"{Cell}\" rx=\"2\"><title>{date:ddd d MMM yyyy}: {Sessions(count)}</title></rect>"));
            }
        }

        writer.Write("</svg>\n    <table class=\"visually-hidden\"><caption>Days done per week</caption>\n");
        writer.Write("        <thead><tr><th scope=\"col\">Week</th><th scope=\"col\">Days done</th><th scope=\"col\">Sessions</th></tr></thead>\n        <tbody>");
        for (var week = 0; week < _weeks; week++)
        {
            writer.Write(string.Create(Inv, $"<tr><th scope=\"row\">Week of {WeekStart(first, week):d MMM}</th><td>{done[week]}</td><td>{sessions[week]}</td></tr>"));
        }

        var days = shown.Sum();
        writer.Write(string.Create(Inv, $"</tbody></table>\n    <figcaption>Done on {done.Sum()} of the last {days} {(days == 1 ? "day" : "days")}</figcaption></figure>"));
    }

    private int Count(DateOnly date) => Math.Max(0, _countsByDate.GetValueOrDefault(date));

    private static DateOnly WeekStart(DateOnly first, int week) => first.AddDays(7 * week);

    private static int ColumnX(int column) => Left + (column * Step);

    private static int LabelY(int row) => Top + (row * Step) + Cell - 2;

    private static string Sessions(int count) => count switch
    {
        0 => "no sessions",
        1 => "1 session",
        _ => $"{count} sessions",
    };
}
