using Bunit;
using StretchLibrary.Web.Components;

namespace StretchLibrary.Web.Tests.Components;

public class QrCodeTests : BunitContext
{
    [Fact]
    public void Draws_a_scalable_svg_labelled_as_an_image_without_style_attributes()
    {
        var cut = Render<QrCode>(ps => ps.Add(p => p.Url, "https://example.com/s/abc").Add(p => p.Label, "QR code: open it online"));

        var figure = cut.Find("div.qr-code");
        Assert.Equal(("img", "QR code: open it online"), (figure.GetAttribute("role"), figure.GetAttribute("aria-label")));
        var svg = cut.Find("svg");
        Assert.Matches(@"^0 0 \d+ \d+$", svg.GetAttribute("viewBox"));
        Assert.Null(svg.GetAttribute("width"));
        Assert.NotEmpty(cut.Find("svg path").GetAttribute("d")!);
        Assert.Empty(cut.FindAll("[style]"));
    }

    [Fact]
    public void Different_addresses_draw_different_codes()
    {
        var one = Render<QrCode>(ps => ps.Add(p => p.Url, "https://example.com/routines/1")).Find("svg path").GetAttribute("d");
        var two = Render<QrCode>(ps => ps.Add(p => p.Url, "https://example.com/routines/2")).Find("svg path").GetAttribute("d");

        Assert.NotEqual(one, two);
    }
}
