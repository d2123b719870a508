using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Components.Writers;

/// <summary>
/// When to stop (<see cref="StopIfList"/>, which renders this) written straight to the page: the rule every stretch
/// shares (what to expect, and when to get medical advice straight away), then a stretch's own stop signs; nothing
/// when there is neither. The routine page writes one per item on every request (bench/README, "Fresh render").
/// </summary>
/// <param name="items">The stretch's own stop signs (its <c>stop_if</c> lines), shown after the shared rule.</param>
/// <param name="showRule">False where the page states the rule once for several stretches.</param>
public sealed class StopIfListHtml(IReadOnlyList<string> items, bool showRule = true) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        if (!showRule && items.Count == 0)
        {
            return;
        }

        writer.Write("<div class=\"stop-if-list\">");
        if (showRule)
        {
            writer.Write("<p class=\"stop-if-expected\">");
            encoder.Encode(writer, SafetyRule.Expected);
            writer.Write("</p>\n            <p class=\"stop-if-lead\"><strong>");
            encoder.Encode(writer, SafetyRule.Lead);
            writer.Write("</strong></p>\n            <ul class=\"stop-if-rule\">");
            WriteItems(writer, encoder, SafetyRule.Signs);
            writer.Write("</ul>");
        }

        if (items.Count > 0)
        {
            writer.Write("<p class=\"stop-if-own-lead\"><strong>");
            encoder.Encode(writer, SafetyRule.OwnLead);
            writer.Write("</strong></p>\n            <ul class=\"stop-if-own\">");
            WriteItems(writer, encoder, items);
            writer.Write("</ul>");
        }

        writer.Write("</div>");
    }

    private static void WriteItems(TextWriter writer, HtmlEncoder encoder, IReadOnlyList<string> items)
    {
        foreach (var item in items)
        {
            writer.Write("<li>");
            encoder.Encode(writer, item);
            writer.Write("</li>");
        }
    }
}
