using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using StretchLibrary.Web.Components;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Tests.Components;

public class PainTrendTests : BunitContext
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private IRenderedComponent<PainTrend> RenderTrend(params PainPoint[] points) =>
        Render<PainTrend>(ps => ps.Add(p => p.Points, points));

    private static (double X, double Y)[] PointsOf(IElement polyline) => polyline.GetAttribute("points")!
        .Split(' ')
        .Select(pair => pair.Split(','))
        .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))
        .ToArray();

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Renders_nothing_without_points()
    {
        var cut = RenderTrend();

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public void Renders_nothing_when_no_point_has_a_score()
    {
        var cut = RenderTrend(new PainPoint(D(3, 1), null, null), new PainPoint(D(3, 2), null, null));

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public void Each_line_goes_through_the_sessions_that_have_that_score()
    {
        var cut = RenderTrend(
            new PainPoint(D(3, 1), 6, 3),
            new PainPoint(D(3, 2), 5, null),
            new PainPoint(D(3, 3), null, 2),
            new PainPoint(D(3, 4), 4, 2),
            new PainPoint(D(3, 5), 5, null));

        Assert.Equal(4, PointsOf(cut.Find(".pain-series.pain-before polyline")).Length);
        Assert.Equal(3, PointsOf(cut.Find(".pain-series.pain-after polyline")).Length);
        Assert.Equal(4, cut.FindAll(".pain-series.pain-before circle").Count);
        Assert.Equal(3, cut.FindAll(".pain-series.pain-after circle").Count);
    }

    [Fact]
    public void Two_sessions_on_one_day_name_that_day_once_under_the_chart()
    {
        var cut = RenderTrend(new PainPoint(D(3, 4), 5, 3), new PainPoint(D(3, 4), 4, 2));

        var labels = cut.FindAll(".pain-dates text");
        Assert.Equal(["4 Mar"], labels.Select(t => t.TextContent));
        Assert.Equal("middle", labels[0].GetAttribute("text-anchor"));
    }

    [Fact]
    public void The_first_and_last_days_label_the_ends_of_the_chart()
    {
        var cut = RenderTrend(new PainPoint(D(3, 4), 5, 3), new PainPoint(D(3, 9), 4, 2));

        Assert.Equal(["4 Mar", "9 Mar"], cut.FindAll(".pain-dates text").Select(t => t.TextContent));
    }

    [Fact]
    public void Sessions_are_drawn_left_to_right_by_date_whatever_the_order_given()
    {
        var cut = RenderTrend(new PainPoint(D(3, 3), 2, null), new PainPoint(D(3, 1), 6, null), new PainPoint(D(3, 2), 4, null));

        var line = PointsOf(cut.Find(".pain-series.pain-before polyline"));
        Assert.True(line[0].X < line[1].X && line[1].X < line[2].X);
        Assert.True(line[0].Y < line[1].Y && line[1].Y < line[2].Y, "pain 6, 4, 2 falls, so the line falls on screen");
        Assert.Equal(["1 Mar 2026", "2 Mar 2026", "3 Mar 2026"], cut.FindAll("tbody th").Select(th => th.TextContent));
    }

    [Fact]
    public void Scores_0_and_10_sit_on_the_0_and_10_gridlines()
    {
        var cut = RenderTrend(new PainPoint(D(3, 1), 10, 0));

        var gridlines = cut.FindAll(".pain-grid line");
        var gridLabels = cut.FindAll(".pain-grid text").Select(t => t.TextContent);
        Assert.Equal(["0", "5", "10"], gridLabels);
        Assert.Equal(Number(gridlines[2], "y1"), Number(cut.Find(".pain-series.pain-before circle"), "cy"));
        Assert.Equal(Number(gridlines[0], "y1"), Number(cut.Find(".pain-series.pain-after circle"), "cy"));
    }

    [Fact]
    public void Caption_gives_the_averages_and_says_pain_went_down()
    {
        var cut = RenderTrend(
            new PainPoint(D(3, 1), 6, 3),
            new PainPoint(D(3, 2), 5, null),
            new PainPoint(D(3, 3), 5, 2));

        Assert.Equal("Pain after sessions averaged 2.5, down from 5.3 before", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Caption_says_when_pain_went_up()
    {
        var cut = RenderTrend(new PainPoint(D(3, 1), 2, 4), new PainPoint(D(3, 2), 3, 4));

        Assert.Equal("Pain after sessions averaged 4.0, up from 2.5 before", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Caption_compares_the_averages_as_shown()
    {
        // Before averages 3.67, after 3.71: both show as 3.7, so the words must not say "up".
        var cut = RenderTrend(
            new PainPoint(D(3, 1), 4, 4),
            new PainPoint(D(3, 2), 3, 4),
            new PainPoint(D(3, 3), 4, 3),
            new PainPoint(D(3, 4), null, 4),
            new PainPoint(D(3, 5), null, 4),
            new PainPoint(D(3, 6), null, 3),
            new PainPoint(D(3, 7), null, 4));

        Assert.Equal("Pain after sessions averaged 3.7, the same as before", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Caption_with_scores_before_only()
    {
        var cut = RenderTrend(new PainPoint(D(3, 1), 7, null));

        Assert.Equal("Pain before sessions averaged 7.0; none recorded after", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Caption_with_scores_after_only()
    {
        var cut = RenderTrend(new PainPoint(D(3, 1), null, 1), new PainPoint(D(3, 2), null, 2));

        Assert.Equal("Pain after sessions averaged 1.5; none recorded before", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Numbers_use_a_decimal_point_in_any_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            // Four sessions put the middle two at fractional x positions.
            var cut = RenderTrend(
                new PainPoint(D(3, 1), 6, 3),
                new PainPoint(D(3, 2), 5, 2),
                new PainPoint(D(3, 3), 5, 2),
                new PainPoint(D(3, 4), 5, 2));

            Assert.Equal("Pain after sessions averaged 2.3, down from 5.3 before", cut.Find("figcaption").TextContent);
            Assert.Equal([36, 126.67, 217.33, 308], PointsOf(cut.Find(".pain-series.pain-before polyline")).Select(p => p.X));
            Assert.Equal("138", cut.Find(".pain-grid line").GetAttribute("y1"));
            Assert.DoesNotContain(cut.FindAll("circle"), c => c.GetAttribute("cx")!.Contains(',', StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Hidden_table_has_a_row_per_session_with_its_scores()
    {
        var cut = RenderTrend(
            new PainPoint(D(3, 1), 6, 3),
            new PainPoint(D(3, 2), null, null),
            new PainPoint(D(3, 3), 5, null));

        Assert.Equal("visually-hidden", cut.Find("table").GetAttribute("class"));
        Assert.Equal(["Date", "Before", "After"], cut.FindAll("thead th").Select(th => th.TextContent));
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["1 Mar 2026", "6", "3"], rows[0].Children.Select(c => c.TextContent));
        Assert.Equal(["3 Mar 2026", "5", "not recorded"], rows[1].Children.Select(c => c.TextContent));
    }

    [Fact]
    public void Chart_is_an_image_named_by_its_title_and_description()
    {
        var cut = RenderTrend(new PainPoint(D(3, 1), 6, 3));

        var svg = cut.Find("figure.pain-trend > svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("100%", svg.GetAttribute("width"));
        var ids = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Equal(["title", "desc"], ids.Select(id => cut.Find($"#{id}").LocalName));
        Assert.Equal(["Before", "After"], cut.FindAll(".pain-legend text").Select(t => t.TextContent));
    }

    [Fact]
    public void Sets_no_inline_styles()
    {
        var cut = RenderTrend(new PainPoint(D(3, 1), 6, 3), new PainPoint(D(3, 2), 4, 2));

        Assert.Empty(cut.FindAll("[style]"));
        Assert.DoesNotContain("style=", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }
}
