using MicroLearnBot.Learning.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Conversation;

/// <summary>Finds or creates the learner behind a turn and keeps their conversation reference current.</summary>
public sealed class LearnerDirectory(MicroLearnDbContext db, TimeProvider time)
{
    /// <summary>
    /// Returns the stored learner for <paramref name="turn"/>, creating them on first contact. Updates the
    /// conversation reference and locale, and reactivates a learner whose deliveries had stopped because the
    /// channel could not reach them: writing to the bot proves it can again.
    /// </summary>
    public async Task<LearnerEntity> GetOrCreateAsync(Turn turn, CancellationToken cancellationToken)
    {
        var key = turn.Learner;
        var now = time.GetUtcNow().UtcDateTime;
        var learner = await db.Learners
            .Include(l => l.Enrollments)
            .SingleOrDefaultAsync(l => l.Channel == key.Channel && l.TenantId == key.TenantId && l.UserId == key.UserId, cancellationToken);

        if (learner is null)
        {
            learner = new LearnerEntity
            {
                Id = Guid.NewGuid(),
                Channel = key.Channel,
                TenantId = key.TenantId,
                UserId = key.UserId,
                ConversationId = turn.Address.ConversationId,
                ServiceUrl = turn.Address.ServiceUrl,
                BotId = turn.Address.BotId,
                ChannelUserId = turn.Address.ChannelUserId,
                TimeZone = DeliveryPreferences.DefaultTimeZoneId,
                DeliveryMinuteOfDay = (int)DeliveryPreferences.DefaultTime.ToTimeSpan().TotalMinutes,
                CreatedUtc = now,
            };
            db.Learners.Add(learner);
        }

        learner.ConversationId = turn.Address.ConversationId;
        learner.ServiceUrl = turn.Address.ServiceUrl;
        learner.ServiceUrlAuthenticated = turn.Address.ServiceUrlAuthenticated;
        learner.BotId = turn.Address.BotId;
        learner.BotName = turn.Address.BotName;
        learner.ChannelUserId = turn.Address.ChannelUserId;
        learner.DisplayName = turn.UserName ?? learner.DisplayName;
        learner.Locale = turn.Locale ?? learner.Locale;
        learner.UpdatedUtc = now;

        // Writing to the bot proves the channel can reach the learner again, and that the app is installed even
        // when a late or out-of-order remove event said otherwise. Install events are left to the welcome handler.
        var isLearnerMessage = turn.Kind is TurnKind.Text or TurnKind.CardSubmission;
        if ((learner.Status == LearnerStatus.Unreachable && turn.Kind != TurnKind.Uninstalled) ||
            (learner.Status == LearnerStatus.Uninstalled && isLearnerMessage))
        {
            learner.Status = LearnerStatus.Active;
            learner.StatusReason = null;
            learner.ScheduleNextSession(time.GetUtcNow(), anyDayToday: false);
        }

        return learner;
    }
}
