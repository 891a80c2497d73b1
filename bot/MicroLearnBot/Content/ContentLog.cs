using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Content;

/// <summary>Log messages of course loading and reloading; event ids 3100–3199.</summary>
internal static partial class ContentLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Courses loaded from {CoursesPath}: {CourseCount}; left out because of errors: {RejectedCount}")]
    public static partial void CatalogLoaded(this ILogger logger, int courseCount, string coursesPath, int rejectedCount);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Loaded course {CourseId}: {NuggetCount} nuggets in {Languages}")]
    public static partial void CourseLoaded(this ILogger logger, string courseId, int nuggetCount, string languages);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Course {CourseId} is left out until its files are fixed; errors found: {ErrorCount}")]
    public static partial void CourseRejected(this ILogger logger, string courseId, int errorCount);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "{FilePath}:{Line}:{Column}: {Severity}: {Problem}")]
    public static partial void ContentProblemFound(this ILogger logger, string filePath, int line, int column, string severity, string problem);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Course {CourseId} has {OmittedCount} more problems; run `content validate` to see them all")]
    public static partial void ContentProblemsOmitted(this ILogger logger, string courseId, int omittedCount);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Removed course {CourseId} because its folder is gone")]
    public static partial void CourseRemoved(this ILogger logger, string courseId);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Content folder {CoursesPath} not found; no courses are served until it exists")]
    public static partial void ContentFolderMissing(this ILogger logger, string coursesPath);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Information, Message = "Watching {CoursesPath} for course changes")]
    public static partial void WatchingContent(this ILogger logger, string coursesPath);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Information, Message = "Polling {CoursesPath} for course changes every {PollInterval}")]
    public static partial void PollingContent(this ILogger logger, string coursesPath, TimeSpan pollInterval);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Warning, Message = "Cannot watch {CoursesPath} for file changes; polling instead")]
    public static partial void WatcherUnavailable(this ILogger logger, Exception exception, string coursesPath);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning, Message = "File change events for {CoursesPath} were lost; reloading every course")]
    public static partial void WatcherFailed(this ILogger logger, Exception exception, string coursesPath);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error, Message = "Reloading course {CourseId} failed; the courses served so far stay in use")]
    public static partial void ReloadFailed(this ILogger logger, Exception exception, string courseId);
}
