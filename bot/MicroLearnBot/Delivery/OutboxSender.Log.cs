using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Delivery;

/// <summary>Structured log events of the outbox sender, with their event ids (41xx).</summary>
public sealed partial class OutboxSender
{
    [LoggerMessage(EventId = 4108, Level = LogLevel.Error, Message = "Sending outbox message {MessageId} to learner {LearnerId} threw; it is retried later")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid messageId, Guid learnerId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Outbox sender {NodeId} started")]
    private static partial void LogStarted(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Outbox sender {NodeId} stopped")]
    private static partial void LogStopped(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Draining the outbox failed; trying again at the next poll")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Sent outbox message {MessageId} to learner {LearnerId} on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, Guid messageId, Guid learnerId, int attempt);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Outbox message {MessageId} to learner {LearnerId} failed on attempt {Attempt} ({Error}); retrying in {DelaySeconds} s")]
    private static partial void LogRetryScheduled(ILogger logger, Guid messageId, Guid learnerId, int attempt, double delaySeconds, string? error);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Learner {LearnerId} is unreachable ({Error}); outbox message {MessageId} dropped and deliveries stopped")]
    private static partial void LogUnreachable(ILogger logger, Guid messageId, Guid learnerId, string? error);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Error, Message = "Gave up on outbox message {MessageId} to learner {LearnerId} after {Attempt} attempts ({Error})")]
    private static partial void LogGaveUp(ILogger logger, Guid messageId, Guid learnerId, int attempt, string? error);
}
