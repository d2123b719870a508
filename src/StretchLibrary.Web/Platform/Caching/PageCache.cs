using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// Rendered pages kept in memory, served by <see cref="PageCacheMiddleware"/> ahead of the rest of the pipeline.
/// Two scopes: library pages shared by every anonymous visitor, and a signed-in user's own pages, kept in that
/// user's bucket and never looked up under anyone else's id.
/// </summary>
/// <remarks>
/// Invalidation replaces objects rather than clearing them: a request remembers the generation (and the user's
/// bucket) it started with and stores its page there. If a write or a content reload replaced that generation
/// or bucket meanwhile, the page lands in an object nothing reads any more, so a page rendered from data older
/// than the last write is never served.
/// </remarks>
public sealed class PageCache(TimeProvider clock, long maxBytes = PageCache.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 64 * 1024 * 1024;

    private Generation _current = new();
    private long _hits;
    private long _stores;

    /// <summary>Pages served from memory since start (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Pages stored since start.</summary>
    public long Stores => Interlocked.Read(ref _stores);

    internal Generation Current => Volatile.Read(ref _current);

    internal DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Forgets every page, e.g. when the content changes.</summary>
    public void Clear() => Volatile.Write(ref _current, new Generation());

    /// <summary>Forgets one user's pages (their data changed).</summary>
    public void Invalidate(string userId) => Current.Users.TryRemove(userId, out _);

    internal bool TryGet(ConcurrentDictionary<PageKey, CachedPage> pages, PageKey key, out CachedPage page)
    {
        if (pages.TryGetValue(key, out page!) && page.ExpiresAt > clock.GetUtcNow())
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        return false;
    }

    internal void Store(Generation generation, ConcurrentDictionary<PageKey, CachedPage> pages, PageKey key, CachedPage page)
    {
        // Bytes only grows (a replaced or forgotten page is not subtracted), so past the budget count what is
        // really held; start again only when that is still over most of it.
        if (Interlocked.Add(ref generation.Bytes, page.Size + key.Size) > maxBytes && generation.Recount() > maxBytes * 9 / 10)
        {
            Clear();
            return;
        }

        pages[key] = page;
        Interlocked.Increment(ref _stores);
    }

    internal sealed class Generation
    {
        public readonly ConcurrentDictionary<PageKey, CachedPage> Anonymous = new();

        public readonly ConcurrentDictionary<string, ConcurrentDictionary<PageKey, CachedPage>> Users = new(StringComparer.Ordinal);

        public long Bytes;

        public ConcurrentDictionary<PageKey, CachedPage> PagesOf(string userId) =>
            Users.GetOrAdd(userId, static _ => new ConcurrentDictionary<PageKey, CachedPage>());

        /// <summary>Sets <see cref="Bytes"/> to the size of the pages held now and returns it.</summary>
        public long Recount()
        {
            var bytes = Anonymous.Sum(p => p.Key.Size + p.Value.Size) + Users.Values.Sum(pages => pages.Sum(p => p.Key.Size + p.Value.Size));
            Interlocked.Exchange(ref Bytes, bytes);
            return bytes;
        }
    }
}

/// <summary>A stored 200 response: its headers (minus per-response ones), body (and compressed copies) and when it stops being valid.</summary>
internal sealed class CachedPage(KeyValuePair<string, StringValues>[] headers, byte[] body, DateTimeOffset storedAt, DateTimeOffset expiresAt, CompressedBodies? compressed = null)
{
    public KeyValuePair<string, StringValues>[] Headers { get; } = headers;

    public byte[] Body { get; } = body;

    /// <summary>Brotli and gzip copies of <see cref="Body"/>, made when first asked for (text pages only).</summary>
    public CompressedBodies? Compressed { get; } = compressed;

    public DateTimeOffset StoredAt { get; } = storedAt;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public long Size => Body.Length + (Compressed?.Size ?? 0) + Headers.Sum(h => h.Key.Length + h.Value.ToString().Length) * 2;
}

/// <summary>
/// What a cached page is looked up by: the URL as requested (scheme and host included, since a page may print
/// absolute links) and, for a signed-in user's page, the browser's antiforgery cookie, whose tokens its forms carry.
/// Built from strings the request already holds, so a lookup allocates nothing.
/// </summary>
internal readonly record struct PageKey(string Scheme, string? Host, string? PathBase, string? Path, string? Query, string? Antiforgery)
{
    public long Size => 2L * ((Host?.Length ?? 0) + (PathBase?.Length ?? 0) + (Path?.Length ?? 0) + (Query?.Length ?? 0) + (Antiforgery?.Length ?? 0)) + 64;

    public static PageKey For(HttpRequest request, string? antiforgery) =>
        new(request.Scheme, request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value, antiforgery);
}

/// <summary>The <c>Age</c> header of a cached page, in whole seconds; the common values are formatted once.</summary>
internal static class AgeHeader
{
    private static readonly StringValues[] Common = [.. Enumerable.Range(0, 3601).Select(s => new StringValues(s.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public static StringValues For(TimeSpan age)
    {
        var seconds = Math.Max(0, (long)age.TotalSeconds);
        return seconds < Common.Length ? Common[seconds] : new StringValues(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
