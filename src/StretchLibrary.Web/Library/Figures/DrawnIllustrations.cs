using System.Collections.Concurrent;
using System.Text.Json;

namespace StretchLibrary.Web.Library.Figures;

/// <summary>
/// Drawings kept by what was asked for. <see cref="Illustration.Draw"/> poses every frame and in-between by
/// search (feet and hands planted, the body rested on the floor or seat), a few hundred milliseconds a stretch;
/// without this, every content reload and every app host in one process (the integration tests start hundreds)
/// drew the same illustrations again. A spec is keyed by its JSON form, so an unchanged illustration is drawn
/// once per process and an edited one anew. At most <see cref="MaxEntries"/> are kept (then it starts again).
/// </summary>
public static class DrawnIllustrations
{
    public const int MaxEntries = 256;

    private static readonly ConcurrentDictionary<string, Illustration> Drawn = new(StringComparer.Ordinal);

    /// <summary>The drawing of <paramref name="spec"/>; throws as <see cref="Illustration.Draw"/> does.</summary>
    public static Illustration Draw(IllustrationSpec spec)
    {
        var key = JsonSerializer.Serialize(spec);
        if (Drawn.TryGetValue(key, out var drawn))
        {
            return drawn;
        }

        drawn = Illustration.Draw(spec);
        if (Drawn.Count >= MaxEntries)
        {
            Drawn.Clear();
        }

        Drawn[key] = drawn;
        return drawn;
    }
}
