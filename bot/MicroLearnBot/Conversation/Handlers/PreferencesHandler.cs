using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Delivery time, language and pause: the learner's own settings.</summary>
public sealed class PreferencesHandler(TimeProvider time)
{
    public TurnResult SetTime(LearnerEntity learner, TimeOnly localTime)
    {
        learner.DeliveryMinuteOfDay = (int)localTime.ToTimeSpan().TotalMinutes;
        learner.ScheduleNextSession(time.GetUtcNow(), anyDayToday: true);

        return ConfirmWithNextDelivery(learner, LocalizedText.Of("time.set", new LocalTimeArgument(localTime)));
    }

    public static TurnResult SetLanguage(LearnerEntity learner, string language)
    {
        learner.LanguageChoice = language;
        return TurnResult.Message(language, "language.set");
    }

    /// <summary>Opts in to or out of lessons on weekends and Swedish public holidays.</summary>
    public TurnResult SetNonWorkingDays(LearnerEntity learner, bool include)
    {
        learner.IncludeWeekends = include;
        learner.ScheduleNextSession(time.GetUtcNow(), anyDayToday: false);

        return ConfirmWithNextDelivery(learner, LocalizedText.Of(include ? "weekends.on" : "weekends.off"));
    }

    public static TurnResult SetBudget(LearnerEntity learner, int minutes)
    {
        learner.DailyBudgetMinutes = minutes;
        return TurnResult.Message(learner.Language(), "budget.set", minutes);
    }

    public static TurnResult Pause(LearnerEntity learner)
    {
        if (learner.Status == LearnerStatus.Paused)
        {
            return TurnResult.Message(learner.Language(), "pause.already");
        }

        if (learner.ActiveEnrollment() is null)
        {
            return TurnResult.Message(learner.Language(), "pause.noCourse");
        }

        learner.Status = LearnerStatus.Paused;
        learner.NextDeliveryUtc = null;
        return TurnResult.Message(learner.Language(), "pause.done");
    }

    public TurnResult Resume(LearnerEntity learner)
    {
        if (learner.Status == LearnerStatus.Active)
        {
            return ConfirmWithNextDelivery(learner, LocalizedText.Of("resume.notPaused"));
        }

        learner.Status = LearnerStatus.Active;
        learner.StatusReason = null;
        learner.ScheduleNextSession(time.GetUtcNow(), anyDayToday: false);

        return ConfirmWithNextDelivery(learner, LocalizedText.Of("resume.done"));
    }

    /// <summary>Confirms a settings change and says when the next lesson comes, or that none will without a course.</summary>
    private static TurnResult ConfirmWithNextDelivery(LearnerEntity learner, LocalizedText confirmation)
    {
        var next = learner.NextDeliveryUtc is { } nextUtc
            ? LocalizedText.Of("time.next", new LocalDateTimeArgument(learner.ToLocal(nextUtc)))
            : LocalizedText.Of("time.noCourse");
        return TurnResult.Of(new MessageView([confirmation, next]) { Language = learner.Language() });
    }
}
