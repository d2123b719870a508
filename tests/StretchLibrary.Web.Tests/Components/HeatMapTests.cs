using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using StretchLibrary.Web.Components;

namespace StretchLibrary.Web.Tests.Components;

public class HeatMapTests : BunitContext
{
    // Sunday 1 March 2026: twelve full weeks back start on Monday 8 December 2025.
    private static readonly DateOnly Sunday = new(2026, 3, 1);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private IRenderedComponent<HeatMap> RenderMap(DateOnly today, Dictionary<DateOnly, int>? counts = null, int? weeks = null) =>
        Render<HeatMap>(ps =>
        {
            ps.Add(p => p.CountsByDate, counts ?? []).Add(p => p.Today, today);
            if (weeks is { } w)
            {
                ps.Add(p => p.Weeks, w);
            }
        });

    private static IElement Cell(IRenderedComponent<HeatMap> cut, string day) =>
        cut.FindAll("rect").Single(r => r.QuerySelector("title")!.TextContent.StartsWith(day + ":", StringComparison.Ordinal));

    private static int Number(IElement element, string attribute) => int.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Draws_84_days_for_twelve_full_weeks_when_today_is_a_Sunday()
    {
        var cut = RenderMap(Sunday);

        var cells = cut.FindAll("rect");
        Assert.Equal(84, cells.Count);
        Assert.StartsWith("Mon 8 Dec 2025:", cells[0].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Sun 1 Mar 2026:", cells[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_after_today_are_not_drawn()
    {
        var wednesday = D(2026, 3, 4);

        var cut = RenderMap(wednesday, new() { [D(2026, 3, 5)] = 1 });

        var cells = cut.FindAll("rect");
        Assert.Equal(80, cells.Count);
        Assert.StartsWith("Mon 15 Dec 2025:", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Wed 4 Mar 2026: no sessions", cells[^1].TextContent);
        Assert.DoesNotContain(cells, c => c.TextContent.StartsWith("Thu 5 Mar", StringComparison.Ordinal));
    }

    [Fact]
    public void Shade_follows_the_number_of_sessions_up_to_three_or_more()
    {
        var counts = new Dictionary<DateOnly, int>
        {
            [D(2026, 2, 23)] = 1,
            [D(2026, 2, 24)] = 2,
            [D(2026, 2, 25)] = 5,
            [D(2026, 2, 26)] = 0,
        };

        var cut = RenderMap(Sunday, counts);

        Assert.Equal("level-1", Cell(cut, "Mon 23 Feb 2026").GetAttribute("class"));
        Assert.Equal("level-2", Cell(cut, "Tue 24 Feb 2026").GetAttribute("class"));
        Assert.Equal("level-3", Cell(cut, "Wed 25 Feb 2026").GetAttribute("class"));
        Assert.Equal("level-0", Cell(cut, "Thu 26 Feb 2026").GetAttribute("class"));
        Assert.Equal("level-0", Cell(cut, "Fri 27 Feb 2026").GetAttribute("class"));
    }

    [Fact]
    public void Each_day_has_a_title_with_its_date_and_sessions()
    {
        var counts = new Dictionary<DateOnly, int> { [D(2025, 11, 3)] = 2, [D(2025, 11, 4)] = 1 };

        var cut = RenderMap(D(2025, 11, 9), counts);

        var titles = cut.FindAll("rect > title").Select(t => t.TextContent).ToList();
        Assert.Contains("Mon 3 Nov 2025: 2 sessions", titles);
        Assert.Contains("Tue 4 Nov 2025: 1 session", titles);
        Assert.Contains("Wed 5 Nov 2025: no sessions", titles);
    }

    [Fact]
    public void Monday_is_the_top_row_and_the_oldest_week_the_left_column()
    {
        var cut = RenderMap(D(2026, 3, 4));

        var lastMonday = Cell(cut, "Mon 23 Feb 2026");
        var lastSunday = Cell(cut, "Sun 1 Mar 2026");
        var thisMonday = Cell(cut, "Mon 2 Mar 2026");
        var firstMonday = Cell(cut, "Mon 15 Dec 2025");

        Assert.Equal(Number(lastMonday, "x"), Number(lastSunday, "x"));
        Assert.True(Number(lastSunday, "y") > Number(lastMonday, "y"));
        Assert.Equal(Number(lastMonday, "y"), Number(thisMonday, "y"));
        Assert.True(Number(thisMonday, "x") > Number(lastMonday, "x"));
        Assert.Equal(cut.FindAll("rect").Min(r => Number(r, "x")), Number(firstMonday, "x"));
    }

    [Fact]
    public void Caption_counts_days_done_in_the_shown_weeks_only()
    {
        var counts = new Dictionary<DateOnly, int>
        {
            [D(2025, 12, 7)] = 1, // the day before the first shown
            [D(2025, 12, 8)] = 1,
            [D(2026, 1, 15)] = 5,
            [D(2026, 2, 2)] = 0,
            [D(2026, 3, 1)] = 2,
            [D(2026, 3, 2)] = 1, // after today
        };

        var cut = RenderMap(Sunday, counts);

        Assert.Equal("Done on 3 of the last 84 days", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Caption_counts_only_the_days_shown_when_today_is_mid_week()
    {
        var cut = RenderMap(D(2026, 3, 4), new() { [D(2026, 3, 4)] = 1 });

        Assert.Equal("Done on 1 of the last 80 days", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Hidden_table_has_a_row_per_week_with_days_done_and_sessions()
    {
        var counts = new Dictionary<DateOnly, int> { [D(2025, 12, 8)] = 1, [D(2025, 12, 14)] = 3, [D(2026, 2, 28)] = 2 };

        var cut = RenderMap(Sunday, counts);

        Assert.Equal("visually-hidden", cut.Find("table").GetAttribute("class"));
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(12, rows.Count);
        Assert.Equal(["Week of 8 Dec", "2", "4"], rows[0].Children.Select(c => c.TextContent));
        Assert.Equal(["Week of 15 Dec", "0", "0"], rows[1].Children.Select(c => c.TextContent));
        Assert.Equal(["Week of 23 Feb", "1", "2"], rows[11].Children.Select(c => c.TextContent));
    }

    [Fact]
    public void Weeks_sets_how_many_columns_are_drawn()
    {
        var cut = RenderMap(Sunday, weeks: 4);

        Assert.Equal(28, cut.FindAll("rect").Count);
        Assert.Equal(4, cut.FindAll("tbody tr").Count);
        Assert.Equal("Done on 0 of the last 28 days", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Labels_weekday_rows_and_the_first_week_of_each_month()
    {
        var cut = RenderMap(Sunday);

        Assert.Equal(["Mon", "Wed", "Fri", "Dec", "Jan", "Feb"], cut.FindAll("svg text").Select(t => t.TextContent));
    }

    [Fact]
    public void Drops_the_first_month_label_when_the_next_week_starts_a_new_month()
    {
        // Twelve weeks back from Sunday 15 February 2026 start on Monday 24 November; 1 December is the next Monday.
        var cut = RenderMap(D(2026, 2, 15));

        Assert.Equal(["Mon", "Wed", "Fri", "Dec", "Jan", "Feb"], cut.FindAll("svg text").Select(t => t.TextContent));
    }

    [Fact]
    public void Chart_is_an_image_named_by_its_title_and_description()
    {
        var cut = RenderMap(Sunday);

        var svg = cut.Find("figure.heatmap > svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("100%", svg.GetAttribute("width"));
        Assert.Equal("0 0 188 105", svg.GetAttribute("viewBox"));
        var ids = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Equal(["title", "desc"], ids.Select(id => cut.Find($"#{id}").LocalName));
        Assert.Equal("Sessions per day, last 12 weeks", cut.Find($"#{ids[0]}").TextContent);
    }

    [Fact]
    public void Sets_no_inline_styles()
    {
        var cut = RenderMap(Sunday, new() { [Sunday] = 2 });

        Assert.Empty(cut.FindAll("[style]"));
        Assert.DoesNotContain("style=", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }
}
