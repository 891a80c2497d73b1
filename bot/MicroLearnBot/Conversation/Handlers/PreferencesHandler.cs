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

        var language = learner.Language();
        var paragraphs = new List<LocalizedText> { LocalizedText.Of("time.set", new LocalTimeArgument(localTime)) };
        paragraphs.Add(learner.NextDeliveryUtc is { } next
            ? LocalizedText.Of("time.next", new LocalDateTimeArgument(learner.ToLocal(next)))
            : LocalizedText.Of("time.noCourse"));
        return TurnResult.Of(new MessageView(paragraphs) { Language = language });
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

        var paragraphs = new List<LocalizedText> { LocalizedText.Of(include ? "weekends.on" : "weekends.off") };
        paragraphs.Add(learner.NextDeliveryUtc is { } next
            ? LocalizedText.Of("time.next", new LocalDateTimeArgument(learner.ToLocal(next)))
            : LocalizedText.Of("time.noCourse"));
        return TurnResult.Of(new MessageView(paragraphs) { Language = learner.Language() });
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

        learner.Status = LearnerStatus.Paused;
        learner.NextDeliveryUtc = null;
        return TurnResult.Message(learner.Language(), "pause.done");
    }

    public TurnResult Resume(LearnerEntity learner)
    {
        learner.Status = LearnerStatus.Active;
        learner.StatusReason = null;
        learner.ScheduleNextSession(time.GetUtcNow(), anyDayToday: false);

        var paragraphs = new List<LocalizedText> { LocalizedText.Of("resume.done") };
        paragraphs.Add(learner.NextDeliveryUtc is { } next
            ? LocalizedText.Of("time.next", new LocalDateTimeArgument(learner.ToLocal(next)))
            : LocalizedText.Of("time.noCourse"));
        return TurnResult.Of(new MessageView(paragraphs) { Language = learner.Language() });
    }
}
