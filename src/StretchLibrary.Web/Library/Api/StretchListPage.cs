using System.Buffers.Text;
using System.Globalization;
using System.Text;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Library.Api;

/// <summary>
/// One page of a filtered stretch list, paged with a cursor: the base64url slug of the last stretch shown, so a
/// page follows on from the stretch itself rather than from a position.
/// </summary>
internal sealed record StretchListPage(IReadOnlyList<Stretch> Stretches, string? NextCursor)
{
    public const int DefaultLimit = 20, MaxLimit = 100;

    /// <summary>
    /// The page a request asks for, or what is wrong with it: a limit out of range, an unknown area, a cursor that is
    /// not in this list.
    /// </summary>
    public static (StretchListPage? Page, string? Problem) Read(ContentSnapshot content, StretchFilter filter, int? limit, string? cursor)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return (null, $"limit must be between 1 and {MaxLimit}.");
        }

        if (!string.IsNullOrEmpty(filter.Category) && !Enum.TryParse<Category>(filter.Category, ignoreCase: true, out _))
        {
            return (null, "category must be back, posture or neck.");
        }

        return After(filter.Apply(content).Results, cursor, limit ?? DefaultLimit) is { } page
            ? (page, null)
            : (null, "cursor does not belong to this list (or the library changed): start again without it.");
    }

    /// <summary>Up to <paramref name="take"/> stretches after the cursor's; null when the cursor is not in this list.</summary>
    public static StretchListPage? After(IReadOnlyList<Stretch> results, string? cursor, int take)
    {
        var start = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            var after = DecodeCursor(cursor);
            var index = after is null ? -1 : results.ToList().FindIndex(s => s.Slug == after);
            if (index < 0)
            {
                return null;
            }

            start = index + 1;
        }

        var page = results.Skip(start).Take(take).ToArray();
        return new(page, start + take < results.Count ? EncodeCursor(page[^1].Slug) : null);
    }

    /// <summary>The Link header's target for the next page: the same filters and limit, with the cursor.</summary>
    public string NextLink(PathString pathBase, StretchFilter filter, int? limit)
    {
        var link = QueryString.Create(new Dictionary<string, string?>
        {
            ["category"] = filter.Category,
            ["position"] = filter.Position,
            ["equipment"] = filter.Equipment,
            ["q"] = filter.Query,
            ["limit"] = limit?.ToString(CultureInfo.InvariantCulture),
            ["cursor"] = NextCursor,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
        return $"<{pathBase}/api/v1/stretches{link.ToUriComponent()}>; rel=\"next\"";
    }

    private static string EncodeCursor(string slug) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(slug));

    private static string? DecodeCursor(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
