using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>The <c>App</c> section: how the site is reached from outside.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address people type, e.g. <c>https://stretch.example.org</c> (scheme, host, port if not the default;
    /// no path). Every link that leaves a request starts with it, and requests naming another host are refused.
    /// </summary>
    public string? PublicOrigin { get; set; }

    /// <summary>The origin as <c>scheme://host[:port]</c>, or null when <paramref name="value"/> is not one.</summary>
    public static string? Parse(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}

/// <summary>
/// The one way to build an absolute link that leaves the request (account mail, share and calendar links, QR
/// codes, reminder files, canonical links): <c>App:PublicOrigin</c> and the page's path, never the request's
/// Host header, which anyone can set. Without that setting (allowed in Development only) the request's own origin.
/// </summary>
public sealed class PublicLinks(IHttpContextAccessor accessor, LinkGenerator links, IOptions<AppOptions> options)
{
    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("PublicLinks builds links during a request.");

    /// <summary><c>scheme://host[:port]</c> with no trailing slash.</summary>
    public string Origin => AppOptions.Parse(options.Value.PublicOrigin) ?? $"{Context.Request.Scheme}://{Context.Request.Host}";

    /// <summary>The absolute address of a Razor page by its full name (<c>/Share/Index</c>) and route values.</summary>
    public string Page(string pageName, object? values = null) =>
        Origin + (links.GetPathByPage(Context, pageName, handler: null, values)
            ?? throw new InvalidOperationException($"No page {pageName} for these route values."));

    /// <summary>The absolute address of a path on this site (starting with '/').</summary>
    public string Path(string path) => Origin + path;
}

public static class PublicLinksServiceCollectionExtensions
{
    /// <summary>
    /// <c>App:PublicOrigin</c>, <see cref="PublicLinks"/>, and host filtering fed from the origin's host (plus any
    /// names in <c>AllowedHosts</c>). <paramref name="problem"/> is one line for the operator when the origin is
    /// malformed, or missing outside Development (mail links would otherwise follow the Host header).
    /// </summary>
    public static IServiceCollection AddPublicLinks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, out string? problem)
    {
        var value = configuration[$"{AppOptions.Section}:{nameof(AppOptions.PublicOrigin)}"];
        var origin = AppOptions.Parse(value);
        problem = string.IsNullOrWhiteSpace(value)
            ? environment.IsDevelopment() ? null : "App:PublicOrigin is not set: set it to the address people use for this site, e.g. App__PublicOrigin=https://stretch.example.org (links in account mail are built from it)."
            : origin is null ? $"App:PublicOrigin must be an http or https address with no path or query, e.g. https://stretch.example.org (it is '{value}')." : null;

        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicOrigin) || AppOptions.Parse(o.PublicOrigin) is not null, "App:PublicOrigin must be an http or https address with no path or query.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<PublicLinks>();
        if (origin is not null)
        {
            // The built-in host filtering (first in the pipeline) answers 400 to any other Host header.
            var uri = new Uri(origin);
            var extra = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(h => h != "*");
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost, .. extra]);
        }

        return services;
    }
}
