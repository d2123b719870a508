namespace StretchLibrary.Web.Caching;

/// <summary>How anonymous library pages are cached (<c>Caching:AnonymousPages</c>).</summary>
public enum AnonymousPageCaching
{
    /// <summary><see cref="PageCacheMiddleware"/>, ahead of request logging and routing (the default).</summary>
    PageCache,

    /// <summary>ASP.NET Core's output cache (<see cref="AnonymousOutputCache"/>), after routing and authentication.</summary>
    OutputCache,

    /// <summary>Rendered on every request.</summary>
    None,
}

/// <summary>
/// <c>Caching:AnonymousPages</c> (<c>PageCache</c>, <c>OutputCache</c> or <c>None</c>) and <c>Caching:UserPages</c>
/// (default true: a user's routine page and sheet are kept per user; false renders them every time). Read once at
/// start; <c>bench/caching</c> compares the modes.
/// </summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    public AnonymousPageCaching AnonymousPages { get; set; } = AnonymousPageCaching.PageCache;

    public bool UserPages { get; set; } = true;

    /// <summary>The settings, or a one-line reason they cannot be read.</summary>
    public static (CachingOptions Options, string? Problem) From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new CachingOptions();
        if (section[nameof(AnonymousPages)] is { Length: > 0 } mode)
        {
            if (!Enum.TryParse<AnonymousPageCaching>(mode, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return (options, $"Unknown Caching:AnonymousPages '{mode}'. Use PageCache (the default), OutputCache or None.");
            }

            options.AnonymousPages = parsed;
        }

        if (section[nameof(UserPages)] is { Length: > 0 } userPages)
        {
            if (!bool.TryParse(userPages, out var on))
            {
                return (options, $"Caching:UserPages must be true or false, not '{userPages}'.");
            }

            options.UserPages = on;
        }

        return (options, null);
    }
}
