using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StretchLibrary.Web.Library.Figures;

/// <summary>
/// Drawings kept in a folder between runs, so a restart with unchanged content and an unchanged renderer reads
/// its figures instead of posing them again (drawing every frame and in-between is most of a cold start). One file
/// per illustration, named by a hash of the renderer version and the spec, holding that key in full: a file from
/// other content, another renderer, a partial write or a damaged disk is ignored and drawn again. A spec that
/// cannot be drawn is never stored, so it is reported on every load as before. Files are written to a temporary
/// name and renamed, so two instances sharing the folder never read each other's half-written file. A file is
/// touched when read; <see cref="Prune"/> deletes those neither read nor written for <see cref="MaxIdle"/>.
/// </summary>
public sealed partial class FigureCache
{
    private const int MaxEntries = 256;

    /// <summary>How long a file may go unread before <see cref="Prune"/> deletes it (old content, old builds).</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromDays(30);

    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Illustration>> MemoryByFolder = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Illustration> _memory;
    private readonly ILogger? _logger;
    private readonly string _rendererVersion;
    private int _drawn;
    private int _read;
    private int _writeFailed;

    /// <param name="folder">Where the files live; created on first write.</param>
    /// <param name="rendererVersion">Part of every key; by default the build of the drawing code, so any change to it starts afresh.</param>
    public FigureCache(string folder, ILogger? logger = null, string? rendererVersion = null)
        : this(folder, logger, rendererVersion, new(StringComparer.Ordinal))
    {
    }

    private FigureCache(string folder, ILogger? logger, string? rendererVersion, ConcurrentDictionary<string, Illustration> memory)
    {
        Folder = Path.GetFullPath(folder);
        _logger = logger;
        _rendererVersion = rendererVersion ?? RendererVersion;
        _memory = memory;
    }

    /// <summary>The build of the assembly that draws: its module version id changes with any change to its code.</summary>
    public static string RendererVersion { get; } = typeof(Illustration).Assembly.ManifestModule.ModuleVersionId.ToString("n");

    public string Folder { get; }

    /// <summary>Illustrations drawn because no usable file was found (since this instance was made).</summary>
    public int Drawn => Volatile.Read(ref _drawn);

    /// <summary>Illustrations read from a file.</summary>
    public int Read => Volatile.Read(ref _read);

    /// <summary>
    /// A cache on <paramref name="folder"/> that shares what it has read or drawn with every other one made here
    /// for that folder in this process (the app hosts of the integration tests), logging to <paramref name="logger"/>.
    /// </summary>
    public static FigureCache Shared(string folder, ILogger? logger = null) =>
        new(folder, logger, null, MemoryByFolder.GetOrAdd(Path.GetFullPath(folder), _ => new(StringComparer.Ordinal)));

    /// <summary>The drawing of <paramref name="spec"/>; throws as <see cref="Illustration.Draw"/> does.</summary>
    public Illustration Draw(IllustrationSpec spec)
    {
        var key = _rendererVersion + "\n" + JsonSerializer.Serialize(spec, FigureCacheJson.Default.IllustrationSpec);
        if (_memory.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var path = Path.Join(Folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json");
        var drawn = TryRead(path, key, spec);
        if (drawn is null)
        {
            drawn = Illustration.Draw(spec);
            Interlocked.Increment(ref _drawn);
            // Only a drawing that passes the figure checks is kept on disk (a file holds no problems), so a warm
            // cache never hides one from validation.
            if (drawn.Problems.Count == 0)
            {
                TryWrite(path, new Entry(key, drawn.Frames, drawn.Motion));
            }
        }
        else
        {
            Interlocked.Increment(ref _read);
        }

        if (_memory.Count >= MaxEntries)
        {
            _memory.Clear();
        }

        _memory[key] = drawn;
        return drawn;
    }

    private Illustration? TryRead(string path, string key, IllustrationSpec spec)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), FigureCacheJson.Default.Entry);
            if (entry is { Frames: { } frames, Motion: { } motion } && entry.Key == key
                && frames.Count == spec.Frames.Count
                && frames.Select(f => f?.Name).SequenceEqual(spec.Frames.Select(f => f.Name))
                && frames.All(f => f is { Alt: not null, Svg.Length: > 0 })
                && motion.All(m => m is { Length: > 0 }))
            {
                Touch(path);
                return new Illustration(spec, frames, motion);
            }

            LogIgnored(path, "it holds another key or is incomplete");
        }
        catch (JsonException ex)
        {
            LogIgnored(path, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogIgnored(path, ex.Message);
        }

        return null;
    }

    /// <summary>
    /// Deletes the files (and left-over temporary files) nobody has read or written for <see cref="MaxIdle"/>:
    /// drawings of content and builds long gone. Another instance's files in use are read, so they stay.
    /// </summary>
    public void Prune()
    {
        var before = DateTime.UtcNow - MaxIdle;
        try
        {
            foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*"))
            {
                if (file.Extension is ".json" or ".tmp" && file.LastWriteTimeUtc < before)
                {
                    file.Delete();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A missing or unreadable folder has nothing to prune; files deleted meanwhile are someone else's prune.
        }
    }

    /// <summary>Marks a file as in use, so <see cref="Prune"/> keeps it; a read-only folder is still read.</summary>
    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not touched: at worst it is drawn again after MaxIdle.
        }
    }

    private void TryWrite(string path, Entry entry)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():n}.tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(entry, FigureCacheJson.Default.Entry));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk costs the next start its speed, nothing else: say so once.
            if (Interlocked.Exchange(ref _writeFailed, 1) == 0 && _logger is not null)
            {
                LogWriteFailed(_logger, Folder, ex.Message);
            }

            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do; a stray .tmp file is never read.
            }
        }
    }

    private void LogIgnored(string path, string reason)
    {
        if (_logger is not null)
        {
            LogIgnoredFile(_logger, path, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Figure cache file {CachePath} ignored and drawn again: {Reason}")]
    private static partial void LogIgnoredFile(ILogger logger, string cachePath, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Figures could not be kept in {CacheFolder} ({Reason}); the next start draws them again")]
    private static partial void LogWriteFailed(ILogger logger, string cacheFolder, string reason);

    internal sealed record Entry(string Key, IReadOnlyList<DrawnFrame> Frames, IReadOnlyList<string> Motion);
}

// Generated at build: the reflection-based serializer would spend start-up time learning these types.
[JsonSerializable(typeof(FigureCache.Entry))]
[JsonSerializable(typeof(IllustrationSpec))]
internal sealed partial class FigureCacheJson : JsonSerializerContext;
