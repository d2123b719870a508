using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// Brotli and gzip copies of a cached library page, made once when the page is stored, so a hit that accepts
/// compression costs no compression at all. Only anonymous pages are compressed: they carry no secret, so
/// compressing them cannot leak one (BREACH needs a secret and attacker-chosen text in the same response).
/// </summary>
internal sealed class CompressedBodies(byte[] brotli, byte[] gzip)
{
    // Below this a compressed copy saves less than its headers cost.
    private const int MinBytes = 1024;

    private static readonly StringValues BrotliCoding = "br";
    private static readonly StringValues GzipCoding = "gzip";

    public byte[] Brotli { get; } = brotli;

    public byte[] Gzip { get; } = gzip;

    public long Size => Brotli.Length + Gzip.Length;

    /// <summary>Compressed copies of a text body worth compressing, else null.</summary>
    public static CompressedBodies? For(byte[] body, string? contentType)
    {
        if (body.Length < MinBytes || !Compressible(contentType))
        {
            return null;
        }

        using var brotli = new MemoryStream();
        using (var encoder = new BrotliStream(brotli, CompressionLevel.SmallestSize))
        {
            encoder.Write(body);
        }

        using var gzip = new MemoryStream();
        using (var encoder = new GZipStream(gzip, CompressionLevel.SmallestSize))
        {
            encoder.Write(body);
        }

        return new CompressedBodies(brotli.ToArray(), gzip.ToArray());
    }

    /// <summary>Text: HTML, XML, JSON.</summary>
    public static bool Compressible(string? contentType) => contentType is not null
        && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The copy to send for this request's <c>Accept-Encoding</c> (Brotli first, then gzip) and its
    /// <c>Content-Encoding</c>, or the uncompressed body.
    /// </summary>
    public (byte[] Body, StringValues Encoding) Choose(byte[] identity, StringValues acceptEncoding)
    {
        if (Accepts(acceptEncoding, "br"))
        {
            return (Brotli, BrotliCoding);
        }

        return Accepts(acceptEncoding, "gzip") ? (Gzip, GzipCoding) : (identity, StringValues.Empty);
    }

    /// <summary>Whether the header lists <paramref name="coding"/> (or *) without q=0; parsed without allocating.</summary>
    internal static bool Accepts(StringValues acceptEncoding, string coding)
    {
        foreach (var value in acceptEncoding)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                if (!name.Equals(coding, StringComparison.OrdinalIgnoreCase) && !name.SequenceEqual("*"))
                {
                    continue;
                }

                if (semicolon < 0 || !IsZeroQuality(item[(semicolon + 1)..]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsZeroQuality(ReadOnlySpan<char> parameters)
    {
        var text = parameters.Trim();
        if (!text.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var number = text[2..].Trim();
        return number.Length > 0 && number[0] == '0' && !number[1..].ContainsAnyExcept(".0");
    }

    /// <summary>The <c>Vary</c> value every compressible cached page carries, compressed or not.</summary>
    public static readonly StringValues Vary = HeaderNames.AcceptEncoding;
}
