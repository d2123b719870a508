using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Tests.Routines;

public class LoggedProblemsTests
{
    [Fact]
    public void An_invalid_session_gives_every_message_with_its_field()
    {
        var logged = new Logged.Invalid(new Dictionary<string, string[]>
        {
            ["Date"] = ["Choose a date.", "Not after today."],
            [""] = ["Tick at least one stretch."],
        });

        Assert.Equal([("Date", "Choose a date."), ("Date", "Not after today."), ("", "Tick at least one stretch.")], logged.Problems());
    }

    [Fact]
    public void A_refusal_is_one_message_for_the_whole_session() =>
        Assert.Equal([("", "The account is full.")], new Logged.Refused("The account is full.").Problems());

    [Fact]
    public void A_session_gone_or_not_tried_has_no_problems()
    {
        Assert.Empty(new Logged.RoutineGone().Problems());
        Assert.Empty(((Logged?)null).Problems());
    }
}
