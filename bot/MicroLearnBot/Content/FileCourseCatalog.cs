using System.Collections.Immutable;
using MicroLearnBot.Learning.Courses;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Content;

/// <summary>
/// The courses under the content folder that load without errors. Loads every course when the host starts and
/// reloads a course some time (<see cref="ContentOptions.ReloadDelay"/>) after its files stop changing. A course
/// with errors is logged and left out, while every other course keeps being served. Readers always see one
/// whole snapshot, because a reload builds a new one and swaps the reference.
/// </summary>
public sealed class FileCourseCatalog : ICourseCatalog, IHostedService, IDisposable
{
    private const int MaxLoggedProblemsPerCourse = 20;

    private readonly ContentOptions _options;
    private readonly ILogger<FileCourseCatalog> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly CourseLoader _loader;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Dictionary<string, string> _lastProblems = new(StringComparer.Ordinal);

    private Snapshot _snapshot = new(ImmutableSortedDictionary.Create<string, Course>(StringComparer.Ordinal), ImmutableHashSet.Create<string>(StringComparer.Ordinal));
    private bool _folderMissingLogged;
    private CourseFolderWatcher? _watcher;

    public FileCourseCatalog(IOptions<ContentOptions> options, ILogger<FileCourseCatalog> logger, TimeProvider timeProvider,
        IHostEnvironment? environment = null, ILessonCardPreviewRenderer? cardRenderer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;
        _loader = new CourseLoader(cardRenderer);

        var workingDirectory = Directory.GetCurrentDirectory();
        var baseFolder = ContentFolder.FindBotBaseFolder(_options.Path, workingDirectory, environment?.ContentRootPath ?? workingDirectory);
        var contentPath = System.IO.Path.GetFullPath(_options.Path, baseFolder);
        CoursesPath = ContentFolder.ResolveCoursesPath(contentPath);
    }

    /// <summary>The folder whose subfolders are the courses, or the single course folder configured.</summary>
    public string CoursesPath { get; }

    /// <summary>Courses ordered by id.</summary>
    public IReadOnlyList<Course> Courses => Volatile.Read(ref _snapshot).Courses;

    public Course? Find(string courseId) =>
        courseId is not null && Volatile.Read(ref _snapshot).ById.TryGetValue(courseId, out var course) ? course : null;

    public bool IsLeftOut(string courseId) => courseId is not null && Volatile.Read(ref _snapshot).LeftOut.Contains(courseId);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAllAsync(cancellationToken).ConfigureAwait(false);
        if (_options.WatchForChanges)
        {
            _watcher ??= CourseFolderWatcher.Start(CoursesPath, _options, _timeProvider, _logger, ReloadChangedAsync);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _reloadLock.Dispose();
    }

    /// <summary>Loads every course again and replaces the whole snapshot.</summary>
    public async Task ReloadAllAsync(CancellationToken cancellationToken = default)
    {
        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!Directory.Exists(CoursesPath))
            {
                if (!_folderMissingLogged)
                {
                    _logger.ContentFolderMissing(CoursesPath);
                    _folderMissingLogged = true;
                }

                Publish(_snapshot.ById.Clear(), _snapshot.LeftOut.Clear());
                return;
            }

            _folderMissingLogged = false;
            var result = await _loader.LoadAllAsync(CoursesPath, cancellationToken).ConfigureAwait(false);
            var builder = ImmutableSortedDictionary.CreateBuilder<string, Course>(StringComparer.Ordinal);
            foreach (var course in result.Courses)
            {
                Report(course);
                if (course.Course is not null)
                {
                    builder[course.CourseId] = course.Course;
                }
            }

            foreach (var removed in _snapshot.ById.Keys.Where(id => !result.Courses.Any(c => c.CourseId == id)))
            {
                _logger.CourseRemoved(removed);
                _lastProblems.Remove(removed);
            }

            var leftOut = result.Courses.Where(c => c.Course is null).Select(c => c.CourseId).ToImmutableHashSet(StringComparer.Ordinal);
            Publish(builder.ToImmutable(), leftOut);
            _logger.CatalogLoaded(builder.Count, CoursesPath, result.Courses.Count(c => c.Course is null));
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>Loads one course again; removes it when its folder is gone or it now has errors.</summary>
    public async Task ReloadCourseAsync(string courseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(courseId);
        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var folder = ContentFolder.IsCourseFolder(CoursesPath) ? CoursesPath : System.IO.Path.Combine(CoursesPath, courseId);
            if (!Directory.Exists(folder))
            {
                if (_snapshot.ById.ContainsKey(courseId))
                {
                    _logger.CourseRemoved(courseId);
                }

                _lastProblems.Remove(courseId);
                Publish(_snapshot.ById.Remove(courseId), _snapshot.LeftOut.Remove(courseId));
                return;
            }

            var result = await _loader.LoadCourseAsync(folder, cancellationToken).ConfigureAwait(false);
            Report(result);
            var (courses, leftOut) = (_snapshot.ById, _snapshot.LeftOut);
            Publish(
                result.Course is null ? courses.Remove(result.CourseId) : courses.SetItem(result.CourseId, result.Course),
                result.Course is null ? leftOut.Add(result.CourseId) : leftOut.Remove(result.CourseId));
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>Replaces the snapshot readers see; called only while holding the reload lock.</summary>
    private void Publish(ImmutableSortedDictionary<string, Course> courses, ImmutableHashSet<string> leftOut) =>
        Volatile.Write(ref _snapshot, new Snapshot(courses, leftOut));

    /// <summary>Logs a course's outcome, and its problems only when they differ from the previous load.</summary>
    private void Report(CourseLoadResult result)
    {
        var signature = string.Join('\n', result.Problems.Select(p => p.ToString()));
        var changed = !_lastProblems.TryGetValue(result.CourseId, out var previous) || previous != signature;
        _lastProblems[result.CourseId] = signature;

        if (result.Course is { } course)
        {
            var languages = string.Join(", ", new[] { course.Language }.Concat(course.Translations.Keys));
            _logger.CourseLoaded(course.Id, course.Nuggets.Count, languages);
        }
        else
        {
            _logger.CourseRejected(result.CourseId, result.Problems.Count(p => p.IsError));
        }

        if (!changed)
        {
            return;
        }

        foreach (var problem in result.Problems.Take(MaxLoggedProblemsPerCourse))
        {
            _logger.ContentProblemFound(problem.FilePath, problem.Line, problem.Column, problem.IsError ? "error" : "warning", problem.Message);
        }

        if (result.Problems.Count > MaxLoggedProblemsPerCourse)
        {
            _logger.ContentProblemsOmitted(result.CourseId, result.Problems.Count - MaxLoggedProblemsPerCourse);
        }
    }

    /// <summary>Reloads the courses a file change touched; null means every course.</summary>
    private async Task ReloadChangedAsync(IReadOnlyCollection<string>? courseIds)
    {
        if (courseIds is null)
        {
            await RunReloadAsync("*", ReloadAllAsync).ConfigureAwait(false);
            return;
        }

        foreach (var courseId in courseIds)
        {
            await RunReloadAsync(courseId, token => ReloadCourseAsync(courseId, token)).ConfigureAwait(false);
        }
    }

    private async Task RunReloadAsync(string courseId, Func<CancellationToken, Task> reload)
    {
        try
        {
            await reload(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder deleted while it is being read surfaces here, and its delete event causes another reload.
            _logger.ReloadFailed(exception, courseId);
        }
        catch (ObjectDisposedException)
        {
            // The host stopped while a reload was waiting for its turn.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The watcher does not observe this task, so a failure that is not logged here would go unseen while
            // the old version of the course stays in service.
            _logger.ReloadFailed(exception, courseId);
        }
    }

    /// <summary>The courses as one immutable value, so a reader never sees half of a reload.</summary>
    private sealed class Snapshot(ImmutableSortedDictionary<string, Course> byId, ImmutableHashSet<string> leftOut)
    {
        public ImmutableSortedDictionary<string, Course> ById { get; } = byId;

        /// <summary>Ids of course folders that have errors and are left out until fixed.</summary>
        public ImmutableHashSet<string> LeftOut { get; } = leftOut;

        public IReadOnlyList<Course> Courses { get; } = [.. byId.Values];
    }
}
