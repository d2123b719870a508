using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StretchLibrary.Web.Pages;

/// <summary>
/// The one place that handles "go back to where you were" (sign-in, "Add to routine", the picker, the guest
/// banner): a return URL is followed only when it is local, and is percent-encoded where a Location header cannot
/// carry it as it is (non-ASCII, spaces, quotes, a % that starts no escape), so the redirect cannot fail after
/// the action ran.
/// </summary>
public static class ReturnUrls
{
    // Allowed as they are: RFC 3986's unreserved and reserved characters. '%' only when it starts an escape.
    private static readonly SearchValues<char> AsciiKept = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=");

    /// <summary>The local <paramref name="returnUrl"/> made safe for a header or a link, or null when it is not local.</summary>
    public static string? Local(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? Encode(returnUrl!) : null;

    /// <summary>
    /// Redirects to the local <paramref name="returnUrl"/> (with <paramref name="fragment"/>, when given, in place
    /// of its own), or to <paramref name="fallback"/> when there is none or it leads elsewhere.
    /// </summary>
    public static LocalRedirectResult RedirectBack(this PageModel page, string? returnUrl, string fallback, string? fragment = null)
    {
        if (Local(page.Url, returnUrl) is not { } local)
        {
            return page.LocalRedirect(fallback);
        }

        if (fragment is not null)
        {
            var hash = local.IndexOf('#', StringComparison.Ordinal);
            local = $"{(hash < 0 ? local : local[..hash])}#{fragment}";
        }

        return page.LocalRedirect(local);
    }

    /// <summary>Percent-encodes, as UTF-8, every character a URL cannot hold as it is; escapes already there stay.</summary>
    public static string Encode(string url)
    {
        var text = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < url.Length;)
        {
            var c = url[i];
            if (AsciiKept.Contains(c) || (c == '%' && i + 2 < url.Length && char.IsAsciiHexDigit(url[i + 1]) && char.IsAsciiHexDigit(url[i + 2])))
            {
                text.Append(c);
                i++;
                continue;
            }

            // A lone surrogate decodes as U+FFFD.
            Rune.DecodeFromUtf16(url.AsSpan(i), out var rune, out var consumed);
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            i += consumed;
        }

        return text.ToString();
    }
}
