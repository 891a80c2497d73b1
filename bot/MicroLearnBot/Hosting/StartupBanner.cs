using MicroLearnBot.Learning.Courses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Hosting;

/// <summary>Logs what the bot started with, and warns loudly when it runs in local mode without authentication.</summary>
public sealed partial class StartupBanner(IConfiguration configuration, ICourseCatalog catalog, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
        {
            LogLocalMode(logger);
        }

        LogStarted(logger, catalog.Courses.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "MicrosoftAppId is not set: running in local mode. Only unauthenticated requests from loopback are accepted and replies go only to loopback service URLs. Set MicrosoftAppId to connect to Teams.")]
    private static partial void LogLocalMode(ILogger logger);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "MicroLearnBot started with {CourseCount} courses")]
    private static partial void LogStarted(ILogger logger, int courseCount);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "MicroLearnBot stopping")]
    private static partial void LogStopping(ILogger logger);
}
