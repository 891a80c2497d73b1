using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Delivery;

/// <summary>Finding and claiming due outbox messages, so each is sent by exactly one node and in session order.</summary>
public sealed partial class OutboxSender
{
    /// <summary>
    /// Returns up to one batch of pending, unclaimed messages whose attempt is due, oldest first. A message waiting
    /// behind an earlier pending message of its learner that is retried later or claimed is left out. It could not
    /// be sent anyway, and enough of them would fill every batch and starve everyone else.
    /// </summary>
    private async Task<List<(Guid Id, Guid LearnerId, string Key)>> FindDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var rows = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= nowUtc && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < nowUtc))
            .Where(m => !db.OutboxMessages.Any(earlier =>
                earlier.LearnerId == m.LearnerId &&
                earlier.Status == OutboxStatus.Pending &&
                string.Compare(earlier.IdempotencyKey, m.IdempotencyKey) < 0 &&
                (earlier.NextAttemptUtc > nowUtc || (earlier.ClaimedUntilUtc != null && earlier.ClaimedUntilUtc >= nowUtc))))
            .OrderBy(m => m.NextAttemptUtc)
            .ThenBy(m => m.IdempotencyKey)
            .Select(m => new { m.Id, m.LearnerId, m.IdempotencyKey })
            .Take(options.Value.SendBatchSize)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.LearnerId, r.IdempotencyKey))];
    }

    /// <summary>Returns true when an earlier card of the same session, by idempotency key, is still pending.</summary>
    private static async Task<bool> HasEarlierUnsentAsync(MicroLearnDbContext db, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => new { m.LearnerId, m.IdempotencyKey }).SingleAsync(cancellationToken);
        var separator = message.IdempotencyKey.LastIndexOf(':');
        if (separator < 0)
        {
            return false;
        }

        var session = message.IdempotencyKey[..(separator + 1)];
        return await db.OutboxMessages.AnyAsync(
            m => m.LearnerId == message.LearnerId && m.Status == OutboxStatus.Pending && m.IdempotencyKey.StartsWith(session) && string.Compare(m.IdempotencyKey, message.IdempotencyKey) < 0,
            cancellationToken);
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
}
