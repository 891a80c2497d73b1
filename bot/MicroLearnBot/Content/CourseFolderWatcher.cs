using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Content;

/// <summary>
/// Turns file changes under the courses folder into reload requests. Changes are collected per course and
/// handed over once no change has arrived for <see cref="ContentOptions.ReloadDelay"/>. Where file change events
/// are unavailable, or <see cref="ContentOptions.UsePolling"/> is set, it requests a reload of every course
/// each <see cref="ContentOptions.PollInterval"/>.
/// </summary>
internal sealed class CourseFolderWatcher : IDisposable
{
    private readonly string _coursesPath;
    private readonly ContentOptions _options;
    private readonly ILogger _logger;
    private readonly Func<IReadOnlyCollection<string>?, Task> _reload;
    private readonly Lock _pendingLock = new();
    private readonly HashSet<string> _pendingCourseIds = new(StringComparer.Ordinal);
    private readonly ITimer _debounceTimer;

    private bool _fullReloadPending;
    private FileSystemWatcher? _watcher;
    private ITimer? _pollTimer;

    private CourseFolderWatcher(string coursesPath, ContentOptions options, TimeProvider timeProvider, ILogger logger,
        Func<IReadOnlyCollection<string>?, Task> reload)
    {
        _coursesPath = coursesPath;
        _options = options;
        _logger = logger;
        _reload = reload;
        _debounceTimer = timeProvider.CreateTimer(_ => _ = HandOverPendingAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Starts watching <paramref name="coursesPath"/>. <paramref name="reload"/> receives the ids of the changed
    /// courses, or null when every course should be reloaded.
    /// </summary>
    public static CourseFolderWatcher Start(string coursesPath, ContentOptions options, TimeProvider timeProvider, ILogger logger,
        Func<IReadOnlyCollection<string>?, Task> reload)
    {
        var watcher = new CourseFolderWatcher(coursesPath, options, timeProvider, logger, reload);
        if (options.UsePolling || !watcher.TryWatchEvents())
        {
            watcher._pollTimer = timeProvider.CreateTimer(_ => watcher.RequestFullReload(), null, options.PollInterval, options.PollInterval);
            logger.PollingContent(coursesPath, options.PollInterval);
        }

        return watcher;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _pollTimer?.Dispose();
        _debounceTimer.Dispose();
    }

    private bool TryWatchEvents()
    {
        try
        {
            _watcher = new FileSystemWatcher(_coursesPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += OnFileChanged;
            _watcher.Created += OnFileChanged;
            _watcher.Deleted += OnFileChanged;
            _watcher.Renamed += OnFileRenamed;
            _watcher.Error += OnWatcherError;
            _watcher.EnableRaisingEvents = true;
            _logger.WatchingContent(_coursesPath);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or PlatformNotSupportedException)
        {
            // A missing folder raises ArgumentException; running out of inotify instances raises IOException.
            _watcher?.Dispose();
            _watcher = null;
            _logger.WatcherUnavailable(exception, _coursesPath);
            return false;
        }
    }

    private void OnFileChanged(object sender, FileSystemEventArgs e) => RequestReload(e.FullPath);

    private void OnFileRenamed(object sender, RenamedEventArgs e)
    {
        RequestReload(e.OldFullPath);
        RequestReload(e.FullPath);
    }

    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        _logger.WatcherFailed(e.GetException(), _coursesPath);
        RequestFullReload();
    }

    private void RequestReload(string changedPath)
    {
        var courseId = CourseIdOf(changedPath);
        lock (_pendingLock)
        {
            if (courseId is null)
            {
                _fullReloadPending = true;
            }
            else
            {
                _pendingCourseIds.Add(courseId);
            }

            _debounceTimer.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void RequestFullReload()
    {
        lock (_pendingLock)
        {
            _fullReloadPending = true;
            _debounceTimer.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Returns the course a changed path belongs to; null when the change concerns the whole folder.</summary>
    private string? CourseIdOf(string changedPath)
    {
        if (ContentFolder.IsCourseFolder(_coursesPath))
        {
            return Path.GetFileName(_coursesPath);
        }

        var relative = Path.GetRelativePath(_coursesPath, changedPath);
        var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first is "." or ".." || first.Length == 0 || first.StartsWith('.') ? null : first;
    }

    private Task HandOverPendingAsync()
    {
        string[]? courseIds;
        lock (_pendingLock)
        {
            courseIds = _fullReloadPending ? null : [.. _pendingCourseIds];
            _fullReloadPending = false;
            _pendingCourseIds.Clear();
        }

        return _reload(courseIds);
    }
}
