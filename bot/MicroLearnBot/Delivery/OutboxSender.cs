using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Delivery;

/// <summary>
/// Drains the outbox: claims due messages, sends each through its channel, and records the outcome durably
/// (sent, retry at a time, or failed). A claim expires, so a message a crashed node held is sent by another.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly string _nodeId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, _nodeId);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                    // Keep draining while there is work.
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDrainFailed(logger, exception);
            }

            await signal.WaitAsync(options.Value.OutboxPollInterval, time, stoppingToken);
        }

        LogStopped(logger, _nodeId);
    }

    /// <summary>
    /// Sends one batch of due messages and returns how many were attempted. Learners are served in parallel, up
    /// to <see cref="DeliveryOptions.SendConcurrency"/> at a time, so a morning wave is bounded by the channel's
    /// rate limit rather than by round trips; one learner's messages go in order, one after another.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, Guid LearnerId)> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
            var nowUtc = time.GetUtcNow().UtcDateTime;
            var rows = await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= nowUtc && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < nowUtc))
                .OrderBy(m => m.NextAttemptUtc)
                .Select(m => new { m.Id, m.LearnerId })
                .Take(options.Value.SendBatchSize)
                .ToListAsync(cancellationToken);
            candidates = [.. rows.Select(r => (r.Id, r.LearnerId))];
        }

        var attempted = 0;
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = options.Value.SendConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(candidates.GroupBy(c => c.LearnerId), parallelism, async (learnerMessages, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
            var outbounds = scope.ServiceProvider.GetServices<IChannelOutbound>().ToList();
            foreach (var (messageId, _) in learnerMessages)
            {
                if (!await TryClaimAsync(db, messageId, token))
                {
                    continue;
                }

                Interlocked.Increment(ref attempted);
                await SendClaimedAsync(db, outbounds, messageId, token);
            }
        });

        return attempted;
    }

    /// <summary>Claims a message with a conditional update, so exactly one node sends it.</summary>
    private async Task<bool> TryClaimAsync(MicroLearnDbContext db, Guid messageId, CancellationToken cancellationToken)
    {
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var claimedUntil = nowUtc + options.Value.ClaimDuration;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.Status == OutboxStatus.Pending && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < nowUtc))
            .ExecuteUpdateAsync(setters => setters
                .SetProperty(m => m.ClaimedUntilUtc, claimedUntil)
                .SetProperty(m => m.ClaimedBy, _nodeId), cancellationToken);
        return claimed == 1;
    }

    private async Task SendClaimedAsync(MicroLearnDbContext db, IReadOnlyList<IChannelOutbound> outbounds, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == messageId, cancellationToken);
        var learner = await db.Learners.SingleAsync(l => l.Id == message.LearnerId, cancellationToken);
        var outbound = outbounds.FirstOrDefault(o => o.Serves(learner.Channel));

        OutboundResult result;
        if (learner.Status is LearnerStatus.Uninstalled or LearnerStatus.Unreachable)
        {
            result = new OutboundResult(OutboundStatus.Unreachable, Error: $"learner {learner.Status}");
        }
        else if (outbound is null)
        {
            result = new OutboundResult(OutboundStatus.Failed, Error: $"no outbound for channel {learner.Channel}");
        }
        else
        {
            result = await outbound.SendAsync(learner, message.Payload, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.ClaimedUntilUtc = null;
        message.ClaimedBy = null;
        message.LastError = result.Error;

        switch (result.Status)
        {
            case OutboundStatus.Sent:
                message.Status = OutboxStatus.Sent;
                message.SentUtc = now;
                LogSent(logger, message.Id, learner.Id, message.Attempts);
                break;
            case OutboundStatus.RetryLater when message.Attempts < options.Value.MaxAttempts:
                var delay = result.RetryAfter ?? Backoff(message.Attempts);
                message.NextAttemptUtc = now + delay;
                LogRetryScheduled(logger, message.Id, learner.Id, message.Attempts, delay.TotalSeconds, result.Error);
                break;
            case OutboundStatus.Unreachable:
                message.Status = OutboxStatus.Failed;
                MarkUnreachable(learner, result.Error);
                await UndoDeliveryAsync(db, message, cancellationToken);
                LogUnreachable(logger, message.Id, learner.Id, result.Error);
                break;
            default:
                message.Status = OutboxStatus.Failed;
                await UndoDeliveryAsync(db, message, cancellationToken);
                LogGaveUp(logger, message.Id, learner.Id, message.Attempts, result.Error);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Forgets the lesson delivery of a message that was never sent, so the learner gets that nugget in a later
    /// session instead of skipping it.
    /// </summary>
    private static async Task UndoDeliveryAsync(MicroLearnDbContext db, OutboxMessageEntity message, CancellationToken cancellationToken)
    {
        if (message.LessonDeliveryId is not { } deliveryId)
        {
            return;
        }

        var delivery = await db.LessonDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        var answered = await db.Answers.AnyAsync(a => a.DeliveryId == deliveryId, cancellationToken);
        if (delivery is not null && !answered)
        {
            db.LessonDeliveries.Remove(delivery);
        }
    }

    /// <summary>
    /// Stops deliveries to a learner the channel cannot reach, so we do not retry forever; writing to the bot or
    /// reinstalling it makes them active again.
    /// </summary>
    private static void MarkUnreachable(LearnerEntity learner, string? reason)
    {
        if (learner.Status == LearnerStatus.Uninstalled)
        {
            return;
        }

        learner.Status = LearnerStatus.Unreachable;
        learner.StatusReason = reason;
        learner.NextDeliveryUtc = null;
    }

    private TimeSpan Backoff(int attempt) =>
        Channels.BotFramework.Connector.RetryBackoff.Delay(attempt - 1, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay, Random.Shared);

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
