using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace StretchLibrary.BrowserTests;

/// <summary>
/// Just enough PDF reading to count pages without a PDF library, plus text and pictures through Debian's
/// poppler-utils (<c>pdftotext</c>, <c>pdftoppm</c>), which <c>tests/run</c> installs when they are missing, and QR
/// codes through zbar-tools (<c>zbarimg</c>).
/// </summary>
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

    /// <summary>The text of every page, in content order (<c>pdftotext -raw</c>).</summary>
    public static async Task<string> ExtractTextAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("stretchlibrary-pdf");
        try
        {
            var input = Path.Join(folder.FullName, "in.pdf");
            var output = Path.Join(folder.FullName, "out.txt");
            await File.WriteAllBytesAsync(input, pdf);
            await RunAsync("pdftotext", "-raw", "-enc", "UTF-8", input, output);
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// How far down the first page its text reaches, from 0 (top) to 1 (bottom edge), read from the word boxes of
    /// <c>pdftotext -bbox</c>. A page that ends half-way down answers about 0.5.
    /// </summary>
    public static async Task<double> FirstPageTextReachAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("stretchlibrary-pdf");
        try
        {
            var input = Path.Join(folder.FullName, "in.pdf");
            var output = Path.Join(folder.FullName, "out.html");
            await File.WriteAllBytesAsync(input, pdf);
            await RunAsync("pdftotext", "-bbox", "-f", "1", "-l", "1", input, output);
            var html = await File.ReadAllTextAsync(output);
            var height = double.Parse(PageHeight().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var bottom = WordBottom().Matches(html).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            return bottom / height;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"<page width=""[\d.]+"" height=""([\d.]+)""")]
    private static partial Regex PageHeight();

    [GeneratedRegex(@"<word [^>]*yMax=""([\d.]+)""")]
    private static partial Regex WordBottom();

    /// <summary>Renders the first page to a PNG at <paramref name="dpi"/> (<c>pdftoppm -png -singlefile</c>).</summary>
    public static async Task RenderFirstPageAsync(byte[] pdf, string pngPath, int dpi)
    {
        var folder = Directory.CreateTempSubdirectory("stretchlibrary-pdf");
        try
        {
            var input = Path.Join(folder.FullName, "in.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var prefix = Path.Join(folder.FullName, "page");
            await RunAsync("pdftoppm", "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", input, prefix);
            File.Copy(prefix + ".png", pngPath, overwrite: true);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Every QR code on the first page, decoded: the page rendered at 150 dpi (<c>pdftoppm</c>) and read by
    /// <c>zbarimg</c> (Debian's zbar-tools). None found answers an empty list.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadQrCodesAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("stretchlibrary-pdf");
        try
        {
            var png = Path.Join(folder.FullName, "page.png");
            await RenderFirstPageAsync(pdf, png, dpi: 150);
            // zbarimg exits with 4 when it finds no code.
            var output = await RunAsync("zbarimg", [0, 4], "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Task<string> RunAsync(string tool, params string[] arguments) => RunAsync(tool, [0], arguments);

    private static async Task<string> RunAsync(string tool, int[] success, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception ex)
        {
            // A missing tool fails the test rather than skipping it: print checks that never run prove nothing.
            throw new InvalidOperationException($"{tool} not found ({ex.Message}). Install Debian's poppler-utils package; tests/run does when it is missing.", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (!success.Contains(process.ExitCode))
            {
                throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {errors}");
            }

            return await output;
        }
    }
}
