using MicroLearnBot.Learning.Courses;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Hosting;

/// <summary>Logs the start and stop of the bot with what it loaded.</summary>
public sealed partial class StartupBanner(ICourseCatalog catalog, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(logger, catalog.Courses.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "MicroLearnBot started with {CourseCount} courses")]
    private static partial void LogStarted(ILogger logger, int courseCount);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "MicroLearnBot stopping")]
    private static partial void LogStopping(ILogger logger);
}
