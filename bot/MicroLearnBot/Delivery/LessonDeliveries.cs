using MicroLearnBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Delivery;

/// <summary>Bookkeeping of handed-out lessons shared by the outbox and in-turn replies.</summary>
public static class LessonDeliveries
{
    /// <summary>Returns the ids of the course's nuggets the learner has been handed for the first time.</summary>
    public static async Task<HashSet<string>> DeliveredNuggetIdsAsync(MicroLearnDbContext db, Guid learnerId, string courseId, CancellationToken cancellationToken)
    {
        var delivered = await db.LessonDeliveries
            .Where(d => d.LearnerId == learnerId && d.CourseId == courseId && !d.IsReview)
            .Select(d => d.NuggetId)
            .ToListAsync(cancellationToken);
        return delivered.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Removes a delivery the learner never received and never answered, so that nugget is offered again instead of
    /// being skipped. The caller saves.
    /// </summary>
    public static async Task UndoUnansweredAsync(MicroLearnDbContext db, Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.LessonDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        var answered = await db.Answers.AnyAsync(a => a.DeliveryId == deliveryId, cancellationToken);
        if (delivery is not null && !answered)
        {
            db.LessonDeliveries.Remove(delivery);
        }
    }
}
