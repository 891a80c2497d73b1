using MicroLearnBot.Conversation;
using MicroLearnBot.Learning.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Delivery;

/// <summary>
/// Finds learners whose daily session is due, writes one outbox message per learner and local date, and plans
/// the next session. The unique idempotency key makes a repeated sweep (restart, misfire, second node) harmless.
/// </summary>
public sealed partial class DeliverySweep(
    MicroLearnDbContext db,
    SessionComposer sessions,
    IEnumerable<IChannelOutbound> outbounds,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DeliverySweep> logger)
{
    /// <summary>
    /// Runs one sweep over every due learner, in batches, and returns the number of sessions written to the outbox.
    /// Each planned learner's next delivery moves into the future, so the batches make progress and end.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        await PlanReturnedLearnersAsync(now, cancellationToken);

        var batchSize = options.Value.SweepBatchSize;
        var dueCount = 0;
        var written = 0;

        while (!cancellationToken.IsCancellationRequested)
        {
            var due = await db.Learners
                .Include(l => l.Enrollments)
                .Where(l => l.Status == LearnerStatus.Active && l.NextDeliveryUtc != null && l.NextDeliveryUtc <= nowUtc)
                .OrderBy(l => l.NextDeliveryUtc)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            dueCount += due.Count;

            var conflict = false;
            foreach (var learner in due)
            {
                try
                {
                    written += await PlanSessionAsync(learner, now, cancellationToken) ? 1 : 0;
                }
                catch (DbUpdateException exception)
                {
                    // Another node wrote this learner's session first; its unique key stopped ours. The rest
                    // waits for the next sweep, which reads fresh rows, instead of saving stale entities.
                    LogSessionConflict(logger, exception, learner.Id);
                    conflict = true;
                    break;
                }
            }

            // A fresh change tracker per batch keeps memory flat however many learners are due.
            db.ChangeTracker.Clear();
            if (written > 0)
            {
                signal.Notify();
            }

            if (conflict || due.Count < batchSize)
            {
                break;
            }
        }

        LogSweepFinished(logger, dueCount, written);
        return written;
    }

    /// <summary>
    /// Plans the next session of active learners who have an active course but no next delivery. Handlers plan it
    /// when a learner becomes active again; this safety net covers any path that clears the time without planning
    /// a new one, so no active learner is stranded.
    /// </summary>
    private async Task PlanReturnedLearnersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unplanned = await db.Learners
            .Include(l => l.Enrollments)
            .Where(l => l.Status == LearnerStatus.Active && l.NextDeliveryUtc == null && l.Enrollments.Any(e => e.IsActive))
            .OrderBy(l => l.Id)
            .Take(options.Value.SweepBatchSize)
            .ToListAsync(cancellationToken);
        if (unplanned.Count == 0)
        {
            return;
        }

        foreach (var learner in unplanned)
        {
            learner.NextDeliveryUtc = DeliveryCalendar.NextDelivery(now, learner.ToDeliveryPreferences(), learner.LastSessionLocalDate).UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogReturnedLearnersPlanned(logger, unplanned.Count);
    }

    private async Task<bool> PlanSessionAsync(LearnerEntity learner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = learner.Zone();
        var sessionDate = LocalTimeRules.LocalDate(now, zone);
        var outbound = outbounds.FirstOrDefault(o => o.Serves(learner.Channel));

        var wrote = false;
        if (learner.LastSessionLocalDate != sessionDate && outbound is not null)
        {
            var views = await sessions.ComposeDailyAsync(learner, cancellationToken);
            for (var slot = 0; slot < views.Count; slot++)
            {
                db.OutboxMessages.Add(new OutboxMessageEntity
                {
                    Id = Guid.NewGuid(),
                    LearnerId = learner.Id,
                    IdempotencyKey = $"{learner.Id:N}:{sessionDate:yyyy-MM-dd}:daily:{slot + 1:D2}",
                    LessonDeliveryId = views[slot].DeliveryId,
                    Payload = outbound.CreatePayload(learner, views[slot]),
                    CreatedUtc = now.UtcDateTime,

                    // Ticks keep the cards of one session in order when the sender drains them.
                    NextAttemptUtc = now.UtcDateTime.AddTicks(slot),
                });
            }

            wrote = views.Count > 0;

            learner.LastSessionLocalDate = sessionDate;
        }

        learner.NextDeliveryUtc = DeliveryCalendar.NextDelivery(now, learner.ToDeliveryPreferences(), learner.LastSessionLocalDate).UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return wrote;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Delivery sweep found {DueCount} due learners and wrote {WrittenCount} sessions")]
    private static partial void LogSweepFinished(ILogger logger, int dueCount, int writtenCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Session for learner {LearnerId} was already written by another sweep")]
    private static partial void LogSessionConflict(ILogger logger, Exception exception, Guid learnerId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Planned the next session of {LearnerCount} active learners who had none, such as learners who became reachable again")]
    private static partial void LogReturnedLearnersPlanned(ILogger logger, int learnerCount);
}
