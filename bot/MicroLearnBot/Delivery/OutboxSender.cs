using MicroLearnBot.Conversation;
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
    /// <summary>A message older than this is dropped rather than sent late; the next session replaces it.</summary>
    public static readonly TimeSpan MaxMessageAge = TimeSpan.FromHours(20);

    private readonly string _nodeId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Keeps up to <see cref="DeliveryOptions.SendConcurrency"/> learners' sends running and starts the next due
    /// learner as soon as a slot frees, so one slow connector call (up to its 15-second timeout) holds up only
    /// its own learner, never the retries and sessions of everyone else.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, _nodeId);
        var running = new Dictionary<Guid, Task<int>>();

        // Learners whose last round attempted nothing, because an earlier card not yet due blocks the rest. They
        // wait for the next signal or poll, so the loop never spins on them.
        var waiting = new HashSet<Guid>();
        Task? wakeUp = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var (learnerId, task) in running.Where(pair => pair.Value.IsCompleted).ToList())
            {
                running.Remove(learnerId);
                if (task.Result == 0)
                {
                    waiting.Add(learnerId);
                }
            }

            var started = 0;
            try
            {
                var freeSlots = options.Value.SendConcurrency - running.Count;
                if (freeSlots > 0)
                {
                    var due = await FindDueAsync(stoppingToken);
                    var startable = due.GroupBy(m => m.LearnerId).Where(group => !running.ContainsKey(group.Key) && !waiting.Contains(group.Key));
                    foreach (var learnerMessages in startable.Take(freeSlots))
                    {
                        var messages = learnerMessages.ToList();
                        running[learnerMessages.Key] = Task.Run(() => SendLearnerMessagesGuardedAsync(messages, stoppingToken), CancellationToken.None);
                        started++;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogDrainFailed(logger, exception);
            }

            if (started > 0)
            {
                // Look again at once: the free slots may take more learners.
                continue;
            }

            // One wait stays pending across rounds, so a signal is never taken by an abandoned reader.
            wakeUp ??= signal.WaitAsync(options.Value.OutboxPollInterval, time, stoppingToken);
            try
            {
                await (running.Count > 0 ? Task.WhenAny(running.Values.Append(wakeUp)) : wakeUp);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (wakeUp.IsCompleted)
            {
                wakeUp = null;
                waiting.Clear();
            }
        }

        await Task.WhenAll(running.Values);
        LogStopped(logger, _nodeId);
    }

    /// <summary>
    /// Sends one batch of due messages and waits for all of them; returns how many were attempted. Learners are
    /// served in parallel, up to <see cref="DeliveryOptions.SendConcurrency"/> at a time, and one learner's
    /// messages go in order, one after another. Tests and benchmarks drive the sender with it step by step.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var candidates = await FindDueAsync(cancellationToken);
        var attempted = 0;
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = options.Value.SendConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(candidates.GroupBy(c => c.LearnerId), parallelism, async (learnerMessages, token) =>
        {
            Interlocked.Add(ref attempted, await SendLearnerMessagesAsync(learnerMessages, token));
        });

        return attempted;
    }

    /// <summary>Sends like <see cref="SendLearnerMessagesAsync"/> but logs instead of throwing, for the sender loop.</summary>
    private async Task<int> SendLearnerMessagesGuardedAsync(IReadOnlyList<(Guid Id, Guid LearnerId, string Key)> messages, CancellationToken cancellationToken)
    {
        try
        {
            return await SendLearnerMessagesAsync(messages, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: an unsent message keeps its claim until it expires and is sent by this or another node.
            return 0;
        }
        catch (Exception exception)
        {
            LogDrainFailed(logger, exception);
            return 0;
        }
    }

    /// <summary>Sends one learner's due messages in idempotency-key order and returns how many were attempted.</summary>
    private async Task<int> SendLearnerMessagesAsync(IEnumerable<(Guid Id, Guid LearnerId, string Key)> learnerMessages, CancellationToken token)
    {
        var attempted = 0;

        // By key, so a retried earlier card goes before later cards of its session.
        foreach (var (messageId, learnerId, _) in learnerMessages.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            // A fresh context per message: a failure in one leaves no half-tracked state for the next.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
            var outbounds = scope.ServiceProvider.GetServices<IChannelOutbound>().ToList();
            if (await HasEarlierUnsentAsync(db, messageId, token) || !await TryClaimAsync(db, messageId, token))
            {
                // The cards of one session go in order: a later card waits while an earlier one is pending.
                break;
            }

            attempted++;
            try
            {
                if (!await SendClaimedAsync(db, outbounds, messageId, token))
                {
                    break;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                LogSendFailed(logger, exception, messageId, learnerId);
                await RecordUnexpectedFailureAsync(messageId, exception, CancellationToken.None);
                break;
            }
        }

        return attempted;
    }

    /// <summary>
    /// Counts an attempt that threw (token acquisition, database error) as a retry, so the message neither stays
    /// claimed nor retries for ever.
    /// </summary>
    private async Task RecordUnexpectedFailureAsync(Guid messageId, Exception exception, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
            var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
            if (message is null || message.Status != OutboxStatus.Pending)
            {
                return;
            }

            message.Attempts++;
            message.ClaimedUntilUtc = null;
            message.ClaimedBy = null;
            message.LastError = exception.GetType().Name;
            if (message.Attempts >= options.Value.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                await UndoDeliveryAsync(db, message, cancellationToken);
            }
            else
            {
                message.NextAttemptUtc = time.GetUtcNow().UtcDateTime + Backoff(message.Attempts);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception recordException) when (recordException is not OperationCanceledException)
        {
            // The claim expires on its own, so the message is retried later even if this bookkeeping failed.
            LogSendFailed(logger, recordException, messageId, Guid.Empty);
        }
    }

    /// <summary>Sends one claimed message and records the outcome; returns true when it was sent.</summary>
    private async Task<bool> SendClaimedAsync(MicroLearnDbContext db, IReadOnlyList<IChannelOutbound> outbounds, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == messageId, cancellationToken);
        var learner = await db.Learners.SingleAsync(l => l.Id == message.LearnerId, cancellationToken);
        var outbound = outbounds.FirstOrDefault(o => o.Serves(learner.Channel));

        OutboundResult result;
        if (time.GetUtcNow().UtcDateTime - message.CreatedUtc > MaxMessageAge)
        {
            // Yesterday's session is stale; the learner gets today's, never a backlog of days at once.
            result = new OutboundResult(OutboundStatus.Failed, Error: "expired");
        }
        else if (learner.Status is LearnerStatus.Uninstalled or LearnerStatus.Unreachable)
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
                // A Retry-After of zero or in the past would burn every attempt at once; back off instead.
                var delay = result.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : Backoff(message.Attempts);
                message.NextAttemptUtc = now + delay;
                LogRetryScheduled(logger, message.Id, learner.Id, message.Attempts, delay.TotalSeconds, result.Error);
                break;
            case OutboundStatus.Unreachable:
                message.Status = OutboxStatus.Failed;
                learner.MarkUnreachable(result.Error);
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
        return message.Status == OutboxStatus.Sent;
    }

    /// <summary>
    /// Forgets the lesson delivery of a message that was never sent, so the learner gets that nugget in a later
    /// session instead of skipping it.
    /// </summary>
    private static async Task UndoDeliveryAsync(MicroLearnDbContext db, OutboxMessageEntity message, CancellationToken cancellationToken)
    {
        if (message.LessonDeliveryId is { } deliveryId)
        {
            await LessonDeliveries.UndoUnansweredAsync(db, deliveryId, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt) =>
        Channels.BotFramework.Connector.RetryBackoff.Delay(attempt - 1, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay, Random.Shared);
}
