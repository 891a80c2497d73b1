using MicroLearnBot.Channels.BotFramework.Authentication;
using MicroLearnBot.Learning.Courses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Hosting;

/// <summary>
/// Logs the start and stop of the bot with what it loaded, and warns at start-up when it runs in local mode or
/// has an app id without a client credential.
/// </summary>
public sealed partial class StartupBanner(IConfiguration configuration, ICourseCatalog catalog, IServiceProvider services, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
        {
            LogLocalMode(logger);
        }
        else
        {
            // The token provider reads its credential when it is built and warns then when none is set, so
            // building it here puts that warning at start-up rather than at the first reply.
            _ = services.GetService<IConnectorTokenProvider>();
        }

        LogStarted(logger, catalog.Courses.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "MicrosoftAppId is not set, so the bot runs in local mode: it accepts unauthenticated requests from loopback only and replies only to loopback service URLs. Set MicrosoftAppId to connect it to Teams.")]
    private static partial void LogLocalMode(ILogger logger);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "MicroLearnBot started; courses served: {CourseCount}")]
    private static partial void LogStarted(ILogger logger, int courseCount);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "MicroLearnBot stopping")]
    private static partial void LogStopping(ILogger logger);
}
