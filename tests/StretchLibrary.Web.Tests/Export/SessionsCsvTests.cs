using StretchLibrary.Web.Routines.Export;

namespace StretchLibrary.Web.Tests.Export;

public sealed class SessionsCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData("mid=dle", "mid=dle")]
    public void Cells_are_quoted_as_RFC_4180_says_and_formulas_neutralised(string value, string expected) =>
        Assert.Equal(expected, SessionsCsv.Cell(value));
}
