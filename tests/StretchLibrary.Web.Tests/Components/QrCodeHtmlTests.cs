using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using StretchLibrary.Web.Components.Writers;

namespace StretchLibrary.Web.Tests.Components;

public class QrCodeHtmlTests
{
    [Fact]
    public void Draws_a_scalable_svg_labelled_as_an_image_without_style_attributes()
    {
        var html = Parse(new QrCodeHtml("https://example.com/s/abc", "QR code: open it \"online\""));

        var figure = html.QuerySelector("div.qr-code")!;
        Assert.Equal(("img", "QR code: open it \"online\""), (figure.GetAttribute("role"), figure.GetAttribute("aria-label")));
        var svg = html.QuerySelector("svg")!;
        Assert.Matches(@"^0 0 \d+ \d+$", svg.GetAttribute("viewBox"));
        Assert.Null(svg.GetAttribute("width"));
        Assert.NotEmpty(html.QuerySelector("svg path")!.GetAttribute("d")!);
        Assert.Empty(html.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void Different_addresses_draw_different_codes()
    {
        var one = Parse(new QrCodeHtml("https://example.com/routines/1")).QuerySelector("svg path")!.GetAttribute("d");
        var two = Parse(new QrCodeHtml("https://example.com/routines/2")).QuerySelector("svg path")!.GetAttribute("d");

        Assert.NotEqual(one, two);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(QrCodeHtml code)
    {
        using var writer = new StringWriter();
        code.WriteTo(writer, HtmlEncoder.Default);
        return new HtmlParser().ParseDocument(writer.ToString());
    }
}
