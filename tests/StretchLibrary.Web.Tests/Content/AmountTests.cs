using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Content;

public class AmountTests
{
    [Theory]
    [InlineData("10", AmountKind.Exactly, 10, 10, "10")]
    [InlineData("10-15", AmountKind.Range, 10, 15, "10-15")]
    [InlineData("10 - 15", AmountKind.Range, 10, 15, "10-15")]
    [InlineData("up to 30", AmountKind.UpTo, 30, 30, "up to 30")]
    [InlineData("Up To 30", AmountKind.UpTo, 30, 30, "up to 30")]
    [InlineData("about 30", AmountKind.About, 30, 30, "about 30")]
    [InlineData("~30", AmountKind.About, 30, 30, "about 30")]
    [InlineData("5-5", AmountKind.Exactly, 5, 5, "5")]
    public void Parses_every_written_shape(string text, AmountKind kind, int min, int max, string shown)
    {
        var amount = Amount.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal(new Amount(kind, min, max), amount);
        Assert.Equal(shown, amount!.ToString());
    }

    [Theory]
    [InlineData("15-10", "low end above its high end")]
    [InlineData("ten", "is not a number")]
    [InlineData("-5", "is not a number")]
    [InlineData("1.5", "is not a number")]
    [InlineData("99999999999", "is not a number")]
    [InlineData("", "is not a number")]
    public void Rejects_what_is_not_an_amount(string text, string reason)
    {
        var amount = Amount.TryParse(text, out var error);

        Assert.Null(amount);
        Assert.Contains(reason, error);
    }
}
