using StretchLibrary.Web.Routines.Reminders;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class ReminderCalendarTests
{
    // Wednesday 18 November 2026, 11:00 local.
    private static readonly DateTime LocalNow = new(2026, 11, 18, 11, 0, 0);

    [Theory]
    [InlineData("Wednesday", "18:00", "2026-11-18T18:00")]
    [InlineData("Wednesday", "11:00", "2026-11-25T11:00")]
    [InlineData("Wednesday", "07:30", "2026-11-25T07:30")]
    [InlineData("Tuesday,Thursday", "07:30", "2026-11-19T07:30")]
    [InlineData("Monday", "09:00", "2026-11-23T09:00")]
    public void The_first_reminder_is_the_next_chosen_day_and_time_after_now(string days, string time, string expected)
    {
        var chosen = days.Split(',').Select(Enum.Parse<DayOfWeek>).ToArray();

        var start = ReminderCalendar.NextStart(LocalNow, chosen, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
    }

    [Theory]
    [InlineData("Desk break", "desk-break-reminder.ics")]
    [InlineData("  Nacken & Schultern: früh!  ", "nacken-schultern-fruh-reminder.ics")]
    [InlineData("../../etc/passwd", "etc-passwd-reminder.ics")]
    [InlineData("😀", "routine-reminder.ics")]
    public void File_names_keep_only_letters_digits_and_dashes(string name, string expected) =>
        Assert.Equal(expected, ReminderCalendar.FileName(name));

    [Fact]
    public void The_uid_depends_on_routine_and_owner_only()
    {
        Assert.Equal(ReminderCalendar.Uid(7, "owner-a"), ReminderCalendar.Uid(7, "owner-a"));
        Assert.NotEqual(ReminderCalendar.Uid(7, "owner-a"), ReminderCalendar.Uid(7, "owner-b"));
        Assert.NotEqual(ReminderCalendar.Uid(7, "owner-a"), ReminderCalendar.Uid(8, "owner-a"));
        Assert.DoesNotContain("owner-a", ReminderCalendar.Uid(7, "owner-a"), StringComparison.Ordinal);
    }
}

public sealed class ReminderScheduleTests
{
    [Theory]
    [InlineData(3, "07:30||18:00", null, "07:30 18:00")]
    [InlineData(3, "18:00|07:30|12:15", null, "07:30 12:15 18:00")]
    [InlineData(1, "07:30|18:00", "one session a day", "")]
    [InlineData(2, "07:30|07:30", "different times", "")]
    [InlineData(3, "|", "Enter a time", "")]
    [InlineData(3, "7.30", "Enter a time", "")]
    [InlineData(3, "24:00", "Enter a time", "")]
    public void Times_are_one_to_the_offered_number_of_different_hours_and_minutes(int slots, string fields, string? error, string saved)
    {
        var found = ReminderSchedule.ReadTimes(fields.Split('|'), slots, out var times);

        if (error is null)
        {
            Assert.Null(found);
            Assert.Equal(saved, ReminderSchedule.FormatTimes(times));
            Assert.Equal(times.Order(), ReminderSchedule.ParseTimes(saved));
        }
        else
        {
            Assert.Contains(error, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Days_survive_the_mask_in_week_order()
    {
        var mask = ReminderSchedule.Mask([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Friday]);

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Sunday], ReminderSchedule.DaysOf(mask));
    }
}
