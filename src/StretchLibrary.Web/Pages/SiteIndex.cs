using System.Text;
using System.Xml;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages;

/// <summary>
/// What search engines read: <c>/robots.txt</c> (user pages and share links kept out) and <c>/sitemap.xml</c>
/// (the public library, from the current content), plus the one canonical form of a page's address.
/// </summary>
public static class SiteIndex
{
    /// <summary>Paths crawlers are asked to leave alone: personal pages, share links, sign-in forms.</summary>
    public static readonly IReadOnlyList<string> Disallowed = ["/routines", "/s/", "/account", "/join"];

    private static readonly string[] LibraryRoots = ["/", "/stretches"];

    /// <summary>A path in lower case without a trailing slash ("/Stretches/" is "/stretches"; "/" stays).</summary>
    public static string CanonicalPath(PathString path)
    {
        var value = (path.Value ?? "/").ToLowerInvariant().TrimEnd('/');
        return value.Length == 0 ? "/" : value;
    }

    public static IEndpointRouteBuilder MapSiteIndex(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (PublicLinks links) =>
        {
            var text = new StringBuilder("User-agent: *\n");
            foreach (var path in Disallowed)
            {
                text.Append("Disallow: ").Append(path).Append('\n');
            }

            text.Append("\nSitemap: ").Append(links.Path("/sitemap.xml")).Append('\n');
            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        });
        app.MapGet("/sitemap.xml", (PublicLinks links, ContentStore store) =>
            Results.Text(Sitemap(links.Origin, store.Current), "application/xml; charset=utf-8"));
        return app;
    }

    /// <summary>Every public library page: home, the lists (all and per area), each stretch, the guides.</summary>
    public static IEnumerable<string> PublicPaths(ContentSnapshot content) =>
        LibraryRoots
            .Concat(Enum.GetValues<Category>().Select(c => $"/stretches?category={CategoryText.Slug(c)}"))
            .Concat(content.Stretches.Select(s => $"/stretches/{s.Slug}"))
            .Append("/guides")
            .Concat(content.Guides.Select(g => $"/guides/{g.Slug}"));

    private static string Sitemap(string origin, ContentSnapshot content)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var path in PublicPaths(content))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", origin + path);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
