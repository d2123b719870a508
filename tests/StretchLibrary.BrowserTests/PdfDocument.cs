using System.Text;

namespace StretchLibrary.BrowserTests;

/// <summary>Just enough PDF reading to count pages, without a PDF library.</summary>
public static partial class PdfDocument
{
    /// <summary>
    /// Counts <c>/Type /Page</c> objects (not <c>/Pages</c>). A PDF that hides its objects in compressed streams
    /// counts 0, so a test expecting one page fails instead of passing by accident.
    /// </summary>
    public static int CountPages(byte[] pdf)
    {
        if (pdf is not [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..])
        {
            throw new ArgumentException("Not a PDF: it does not start with %PDF.", nameof(pdf));
        }

        return PageObject().Count(Encoding.Latin1.GetString(pdf));
    }

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageObject();
}
