using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Learning.Delivery;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation;

/// <summary>Derived facts about a stored learner.</summary>
public static class LearnerExtensions
{
    public static string Language(this LearnerEntity learner) => Texts.Language.Resolve(learner.LanguageChoice, learner.Locale);

    public static TimeOnly DeliveryTime(this LearnerEntity learner) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(learner.DeliveryMinuteOfDay));

    public static TimeZoneInfo Zone(this LearnerEntity learner) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(learner.TimeZone, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(DeliveryPreferences.DefaultTimeZoneId);

    public static DeliveryPreferences ToDeliveryPreferences(this LearnerEntity learner) =>
        new(learner.DeliveryTime(), learner.Zone(), learner.IncludeWeekends);

    public static DateTime ToLocal(this LearnerEntity learner, DateTime utc) =>
        LocalTimeRules.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), learner.Zone());

    /// <summary>
    /// Returns, in the learner's local time, when a question due at <paramref name="due"/> actually reaches the
    /// learner: the first daily session on or after its due date, because reviews travel with sessions and sessions
    /// skip weekends and holidays.
    /// </summary>
    public static DateTime LocalSessionForDue(this LearnerEntity learner, DateTimeOffset due, DateTimeOffset now)
    {
        var zone = learner.Zone();
        var startOfDueDate = LocalTimeRules.ToInstant(LocalTimeRules.LocalDate(due, zone), TimeOnly.MinValue, zone);
        var from = startOfDueDate > now ? startOfDueDate.AddTicks(-1) : now;
        var session = DeliveryCalendar.NextDelivery(from, learner.ToDeliveryPreferences(), learner.LastSessionLocalDate);
        return learner.ToLocal(session.UtcDateTime);
    }

    public static EnrollmentEntity? ActiveEnrollment(this LearnerEntity learner) =>
        learner.Enrollments.Where(e => e.IsActive).OrderByDescending(e => e.StartedUtc).FirstOrDefault();

    /// <summary>
    /// Stops deliveries to a learner the channel cannot reach (app removed, chat blocked), so nothing retries
    /// forever. Writing to the bot or reinstalling it makes the learner active again.
    /// </summary>
    public static void MarkUnreachable(this LearnerEntity learner, string? reason)
    {
        if (learner.Status == LearnerStatus.Uninstalled)
        {
            return;
        }

        learner.Status = LearnerStatus.Unreachable;
        learner.StatusReason = reason;
        learner.NextDeliveryUtc = null;
    }

    /// <summary>
    /// Plans the next daily session. <paramref name="anyDayToday"/> lets it fall later today even on a weekend,
    /// used right after the learner started a course or set the time, because the reply names that exact time.
    /// </summary>
    public static void ScheduleNextSession(this LearnerEntity learner, DateTimeOffset now, bool anyDayToday)
    {
        if (learner.ActiveEnrollment() is null || learner.Status != LearnerStatus.Active)
        {
            learner.NextDeliveryUtc = null;
            return;
        }

        learner.NextDeliveryUtc = DeliveryCalendar.NextDelivery(now, learner.ToDeliveryPreferences(), learner.LastSessionLocalDate, anyDayToday).UtcDateTime;
    }
}
