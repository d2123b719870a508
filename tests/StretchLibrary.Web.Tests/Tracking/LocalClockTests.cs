using System.Globalization;
using StretchLibrary.Web.Platform;

namespace StretchLibrary.Web.Tests.Tracking;

public class LocalClockTests
{
    private static DateOnly TodayIn(string zoneId, string utcInstant) =>
        LocalClock.Today(DateTimeOffset.Parse(utcInstant, CultureInfo.InvariantCulture), LocalClock.FindZone(zoneId));

    [Fact]
    public void The_same_instant_is_a_different_date_in_Auckland_and_Los_Angeles()
    {
        const string instant = "2026-01-15T20:00:00Z";

        var auckland = TodayIn("Pacific/Auckland", instant);
        var losAngeles = TodayIn("America/Los_Angeles", instant);

        Assert.Equal(new DateOnly(2026, 1, 16), auckland);
        Assert.Equal(new DateOnly(2026, 1, 15), losAngeles);
    }

    [Theory]
    [InlineData("2026-01-15T22:59:59Z", 2026, 1, 15)] // 23:59:59 in Berlin (UTC+1)
    [InlineData("2026-01-15T23:00:00Z", 2026, 1, 16)] // 00:00:00 in Berlin
    public void The_date_turns_at_local_midnight_not_at_UTC_midnight(string utcInstant, int year, int month, int day)
    {
        var today = TodayIn("Europe/Berlin", utcInstant);

        Assert.Equal(new DateOnly(year, month, day), today);
    }

    [Theory]
    // New York springs forward at 02:00 on 8 March: 00:30 is EST (UTC-5), 23:30 is EDT (UTC-4).
    [InlineData("America/New_York", "2026-03-08T05:30:00Z", 2026, 3, 8)]
    [InlineData("America/New_York", "2026-03-09T03:30:00Z", 2026, 3, 8)]
    // New York falls back at 02:00 on 1 November: 00:30 is EDT, 23:30 is EST.
    [InlineData("America/New_York", "2026-11-01T03:30:00Z", 2026, 10, 31)]
    [InlineData("America/New_York", "2026-11-01T04:30:00Z", 2026, 11, 1)]
    [InlineData("America/New_York", "2026-11-02T04:30:00Z", 2026, 11, 1)]
    // Berlin springs forward at 02:00 on 29 March: 00:30 is CET (UTC+1), 23:30 is CEST (UTC+2).
    [InlineData("Europe/Berlin", "2026-03-28T23:30:00Z", 2026, 3, 29)]
    [InlineData("Europe/Berlin", "2026-03-29T21:30:00Z", 2026, 3, 29)]
    // Berlin falls back at 03:00 on 25 October: 00:30 is CEST, 23:30 is CET.
    [InlineData("Europe/Berlin", "2026-10-24T22:30:00Z", 2026, 10, 25)]
    [InlineData("Europe/Berlin", "2026-10-25T22:30:00Z", 2026, 10, 25)]
    public void The_local_date_is_right_at_both_ends_of_a_daylight_saving_change_day(string zoneId, string utcInstant, int year, int month, int day)
    {
        var today = TodayIn(zoneId, utcInstant);

        Assert.Equal(new DateOnly(year, month, day), today);
    }

    [Fact]
    public void An_instant_given_with_an_offset_means_the_same_moment()
    {
        var instant = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(13));

        var today = LocalClock.Today(instant, LocalClock.FindZone("America/Los_Angeles"));

        Assert.Equal(new DateOnly(2026, 1, 14), today);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Auckland")]
    public void Known_IANA_ids_are_found(string id)
    {
        var zone = LocalClock.FindZone(id);

        Assert.True(LocalClock.IsKnownZone(id));
        Assert.NotEqual(TimeZoneInfo.Utc, zone);
        Assert.Equal(id, zone.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../../etc/passwd")]
    public void A_missing_or_unknown_id_falls_back_to_UTC(string? id)
    {
        var zone = LocalClock.FindZone(id);

        Assert.False(LocalClock.IsKnownZone(id));
        Assert.Equal(TimeZoneInfo.Utc, zone);
    }

    [Fact]
    public void Today_in_an_unknown_zone_is_the_UTC_date()
    {
        var today = TodayIn("Nowhere/Atlantis", "2026-01-15T23:30:00Z");

        Assert.Equal(new DateOnly(2026, 1, 15), today);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-06-15T21:59:00Z", "2026-06-15T22:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-28T23:30:00Z", "2026-03-29T22:00:00Z")]
    [InlineData("America/Santiago", "2026-09-05T12:00:00Z", "2026-09-06T04:00:00Z")]
    [InlineData("America/Sao_Paulo", "2026-06-15T12:00:00Z", "2026-06-16T03:00:00Z")]
    [InlineData("Pacific/Kiritimati", "2026-01-01T00:00:00Z", "2026-01-01T10:00:00Z")]
    [InlineData("UTC", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z")]
    public void Next_midnight_is_the_first_instant_of_the_users_next_day(string zoneId, string now, string expected)
    {
        var zone = LocalClock.FindZone(zoneId);
        var utcNow = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        var midnight = LocalClock.NextMidnight(utcNow, zone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), midnight);
        Assert.Equal(LocalClock.Today(utcNow, zone).AddDays(1), LocalClock.Today(midnight, zone));
        Assert.Equal(LocalClock.Today(utcNow, zone), LocalClock.Today(midnight.AddTicks(-1), zone));
    }
}
