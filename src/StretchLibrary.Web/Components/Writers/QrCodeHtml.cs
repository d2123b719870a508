using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using QRCoder;

namespace StretchLibrary.Web.Components.Writers;

/// <summary>
/// A QR code for a web address, as inline SVG drawn with attributes only (no style attributes, for the CSP), labelled
/// as an image. Written straight into the page: the component renderer set up for it was a twentieth of a fresh sheet
/// (bench/README, "Fresh render").
/// </summary>
/// <param name="url">The absolute address the code opens.</param>
/// <param name="label">What a screen reader says for the code.</param>
public sealed class QrCodeHtml(string url, string label = "QR code") : IHtmlContent
{
    // Drawing a code was a sixth of a fresh sheet's time: each address is drawn once.
    private static readonly MemoryCache Drawn = new(new MemoryCacheOptions { SizeLimit = 500 });

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        writer.Write("<div class=\"qr-code\" role=\"img\" aria-label=\"");
        encoder.Encode(writer, label);
        writer.Write("\">");
        writer.Write(Drawn.GetOrCreate(url, entry =>
        {
            entry.Size = 1;
            return Draw(url);
        }));
        writer.Write("</div>");
    }

    private static string Draw(string url)
    {
        // Level M survives a crease or a smudge on paper and keeps the code small; the quiet zone keeps it scannable.
        using var data = QRCodeGenerator.GenerateQrCode(new PayloadGenerator.Url(url), QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(new System.Drawing.Size(100, 100), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
