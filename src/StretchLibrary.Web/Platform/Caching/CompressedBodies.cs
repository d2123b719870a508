using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// Brotli and gzip copies of a page the page cache keeps, each made the first time a request asks for it (usually
/// the request that rendered the page), so a hit costs no compression at all. Library pages and a user's own pages
/// alike: whether a response may be compressed is decided per request by <see cref="Compression.Allowed"/>.
/// </summary>
internal sealed class CompressedBodies
{
    // Below this a compressed copy saves less than its headers cost.
    private const int MinBytes = 1024;

    private static readonly StringValues BrotliCoding = "br";
    private static readonly StringValues GzipCoding = "gzip";

    private byte[]? _brotli;
    private byte[]? _gzip;
    private int _refining;

    private CompressedBodies()
    {
    }

    /// <summary>The copies made so far.</summary>
    public long Size => (Volatile.Read(ref _brotli)?.Length ?? 0) + (Volatile.Read(ref _gzip)?.Length ?? 0);

    /// <summary>A holder for the compressed copies of a text body worth compressing, else null. Compresses nothing yet.</summary>
    public static CompressedBodies? For(byte[] body, string? contentType) =>
        body.Length >= MinBytes && Compressible(contentType) ? new CompressedBodies() : null;

    /// <summary>Whether this request may get (<see cref="Compression.Allowed"/>) and takes a compressed answer.</summary>
    public static bool Wanted(HttpRequest request) => Compression.Allowed(request)
        && (Accepts(request.Headers.AcceptEncoding, "br") || Accepts(request.Headers.AcceptEncoding, "gzip"));

    /// <summary>Text: HTML, XML, JSON.</summary>
    public static bool Compressible(string? contentType) => contentType is not null
        && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The copy to send for this request's <c>Accept-Encoding</c> (Brotli first, then gzip) and its
    /// <c>Content-Encoding</c>, or the uncompressed body (also where <see cref="Compression.Allowed"/> says no). A
    /// copy not made yet is made now and kept.
    /// </summary>
    public (byte[] Body, StringValues Encoding) Choose(byte[] identity, HttpRequest request)
    {
        if (!Compression.Allowed(request))
        {
            return (identity, StringValues.Empty);
        }

        var acceptEncoding = request.Headers.AcceptEncoding;
        if (Accepts(acceptEncoding, "br"))
        {
            return (Volatile.Read(ref _brotli) ?? Keep(ref _brotli, Compress(identity, brotli: true)), BrotliCoding);
        }

        if (Accepts(acceptEncoding, "gzip"))
        {
            return (Volatile.Read(ref _gzip) ?? Keep(ref _gzip, Compress(identity, brotli: false)), GzipCoding);
        }

        return (identity, StringValues.Empty);
    }

    /// <summary>
    /// Once, in the background: both copies made again at the smallest size. For a page every visitor gets (a library
    /// page), called when it is served again: the copy made with its first rendering was made at the fastest level
    /// while someone waited, about half as large again as the smallest (bench/README, "Page weight").
    /// </summary>
    public void RefineOnce(byte[] identity)
    {
        if (Interlocked.Exchange(ref _refining, 1) == 0)
        {
            _ = Task.Run(() =>
            {
                Volatile.Write(ref _brotli, Compress(identity, brotli: true, CompressionLevel.SmallestSize));
                Volatile.Write(ref _gzip, Compress(identity, brotli: false, CompressionLevel.SmallestSize));
            });
        }
    }

    // Two requests may both make a missing copy; the first one kept is the one every later hit gets.
    private static byte[] Keep(ref byte[]? slot, byte[] copy) => Interlocked.CompareExchange(ref slot, copy, null) ?? copy;

    // The fastest level unless refining: it runs while a person waits for a freshly rendered page, and Brotli's
    // fastest already brings the routine page from 52 KB to under 10 (bench/README, "Fresh render").
    private static byte[] Compress(byte[] body, bool brotli, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream(body.Length / 4);
        using (Stream encoder = brotli ? new BrotliStream(output, level) : new GZipStream(output, level))
        {
            encoder.Write(body);
        }

        return output.ToArray();
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
