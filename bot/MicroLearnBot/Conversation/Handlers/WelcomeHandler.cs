using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Handles installation and removal of the bot in a personal chat.</summary>
public sealed class WelcomeHandler(ICourseCatalog catalog, TimeProvider time)
{
    /// <summary>
    /// Teams announces one personal install with two activities (conversationUpdate and installationUpdate);
    /// within this window only the first is welcomed.
    /// </summary>
    public static readonly TimeSpan RepeatedInstallWindow = TimeSpan.FromMinutes(10);

    /// <summary>Welcomes a new or returning learner; a reinstall resumes deliveries with the history intact.</summary>
    public TurnResult Installed(LearnerEntity learner)
    {
        var now = time.GetUtcNow();
        var wasUninstalled = learner.Status == LearnerStatus.Uninstalled;
        if (wasUninstalled)
        {
            learner.Status = LearnerStatus.Active;
            learner.StatusReason = null;
            learner.ScheduleNextSession(now, anyDayToday: false);
        }

        if (!wasUninstalled && learner.WelcomedUtc is { } welcomed && now.UtcDateTime - welcomed < RepeatedInstallWindow)
        {
            return TurnResult.None;
        }

        learner.WelcomedUtc = now.UtcDateTime;

        var courses = CourseSummaries.InLearnerLanguage(catalog, learner, out var otherLanguageCount);
        var view = new WelcomeView(learner.DeliveryTime(), courses) { Language = learner.Language(), OtherLanguageCourseCount = otherLanguageCount };
        return TurnResult.Of(view);
    }

    /// <summary>Pauses deliveries until the learner installs the app again; nothing is deleted.</summary>
    public static TurnResult Uninstalled(LearnerEntity learner)
    {
        learner.Status = LearnerStatus.Uninstalled;
        learner.StatusReason = "uninstalled";
        learner.NextDeliveryUtc = null;
        return TurnResult.None;
    }
}
