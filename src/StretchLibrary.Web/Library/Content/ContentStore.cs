using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Library.Content;

/// <summary>
/// Holds the current <see cref="ContentSnapshot"/>. Loads the content folder once at start and again whenever a
/// file in it changes; readers always see one whole snapshot, never a half-loaded one.
/// </summary>
public sealed partial class ContentStore : IDisposable
{
    private static readonly TimeSpan DefaultSettleDelay = TimeSpan.FromMilliseconds(300);

    private readonly ILogger<ContentStore> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _reloadTimer;
    private readonly Lock _reloadLock = new();
    private readonly TimeSpan _settleDelay;
    private readonly FigureCache? _figures;
    private ContentSnapshot _current;
    private string _loadedFingerprint = "";

    /// <param name="settleDelay">How long the folder must be quiet before a change is loaded (300 ms unless given).</param>
    /// <param name="watch">Reload on file-change notifications (false: only <see cref="Reload"/> and
    /// <see cref="ReloadIfChanged"/> load changes).</param>
    /// <param name="figures">Where drawn figures are kept between runs (null: drawn at every start).</param>
    public ContentStore(string rootPath, ILogger<ContentStore> logger, TimeSpan? settleDelay = null, bool watch = true, FigureCache? figures = null)
    {
        RootPath = rootPath;
        _logger = logger;
        _figures = figures;
        _settleDelay = settleDelay ?? DefaultSettleDelay;
        _reloadTimer = new Timer(_ => ReloadFromWatcher(), null, Timeout.Infinite, Timeout.Infinite);
        _current = LoadAndLog();
        if (watch && Directory.Exists(rootPath))
        {
            _watcher = new FileSystemWatcher(rootPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            _watcher.Changed += OnChanged;
            _watcher.Created += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
            _watcher.EnableRaisingEvents = true;
        }
    }

    public string RootPath { get; }

    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after a reload has replaced <see cref="Current"/>.</summary>
    public event Action<ContentSnapshot>? Reloaded;

    public void Reload()
    {
        lock (_reloadLock)
        {
            ReloadHoldingLock();
        }
    }

    /// <summary>
    /// Reloads when a file in the folder was added, removed or rewritten since the last load (names, sizes and
    /// write times differ); true when it did. For a reload announced by another instance.
    /// </summary>
    public bool ReloadIfChanged()
    {
        lock (_reloadLock)
        {
            if (Fingerprint(RootPath) == _loadedFingerprint)
            {
                return false;
            }

            ReloadHoldingLock();
            return true;
        }
    }

    private void ReloadHoldingLock()
    {
        var snapshot = LoadAndLog();
        Volatile.Write(ref _current, snapshot);
        Reloaded?.Invoke(snapshot);
    }

    // A timer callback that throws ends the process: a reload that fails (a folder deleted mid-load, a disk error)
    // keeps the snapshot being served and is logged; the next change tries again.
    private void ReloadFromWatcher()
    {
        try
        {
            Reload();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(_logger, RootPath, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload from {ContentRoot} failed; still serving the previous content")]
    private static partial void LogReloadFailed(ILogger logger, string contentRoot, Exception exception);

    public void Dispose()
    {
        _watcher?.Dispose();
        _reloadTimer.Dispose();
    }

    // Editors save in bursts (temp file, rename, touch): wait for the folder to settle, then load once.
    private void OnChanged(object sender, FileSystemEventArgs e) => _reloadTimer.Change(_settleDelay, Timeout.InfiniteTimeSpan);

    private ContentSnapshot LoadAndLog()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Taken before loading: a file changed during the load makes the next check reload again.
        _loadedFingerprint = Fingerprint(RootPath);
        var (drawn, read) = (_figures?.Drawn ?? 0, _figures?.Read ?? 0);
        var snapshot = ContentLoader.Load(RootPath, _figures);
        foreach (var problem in snapshot.Problems)
        {
            LogProblem(_logger, problem.Path, problem.Line, problem.Reason);
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogLoaded(_logger, snapshot.Stretches.Count, snapshot.Guides.Count, RootPath, elapsed, snapshot.Problems.Count);
        if (_figures is not null)
        {
            LogFigures(_logger, _figures.Read - read, _figures.Drawn - drawn, _figures.Folder);
            _figures.Prune();
        }
        return snapshot;
    }

    private static string Fingerprint(string root)
    {
        try
        {
            var files = new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories)
                .Select(f => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path.GetRelativePath(root, f.FullName)}|{f.Length}|{f.LastWriteTimeUtc.Ticks}"))
                .Order(StringComparer.Ordinal);
            return string.Join('\n', files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: never equal to a readable folder's fingerprint, so the next check tries again.
            return "unreadable: " + ex.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content problem, file skipped: {ContentPath}:{Line}: {Reason}")]
    private static partial void LogProblem(ILogger logger, string contentPath, int line, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Figures: {ReadCount} read from the figure cache, {DrawnCount} drawn and kept in {FigureCache}")]
    private static partial void LogFigures(ILogger logger, int readCount, int drawnCount, string figureCache);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {StretchCount} stretches and {GuideCount} guides from {ContentRoot} in {ElapsedMs:0} ms with {ProblemCount} problems")]
    private static partial void LogLoaded(ILogger logger, int stretchCount, int guideCount, string contentRoot, double elapsedMs, int problemCount);
}
