using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Planning;

/// <summary>Summaries of a learner's progress in a course.</summary>
public static class LearningProgress
{
    /// <summary>
    /// Stability in days from which a question counts as learned. From 21 days of stability FSRS predicts recall of the
    /// question with at least 90% probability for three weeks without any review.
    /// </summary>
    public const double LearnedStabilityDays = 21;

    /// <summary>Returns true when the card has graduated and its stability is at least <see cref="LearnedStabilityDays"/>.</summary>
    public static bool IsLearned(FsrsCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.State == CardState.Review && card.Stability >= LearnedStabilityDays;
    }

    /// <summary>Returns the number of learned questions of <paramref name="courseId"/>.</summary>
    public static int CountLearned(IEnumerable<TrackedQuestion> questions, string courseId)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return questions.Count(q => q.CourseId == courseId && IsLearned(q.Card));
    }

    /// <summary>
    /// Returns the mean recall probability at <paramref name="now"/> over the answered questions of
    /// <paramref name="courseId"/>, or null when none has been answered. Questions never answered are left out
    /// because they have no stability.
    /// </summary>
    public static double? MeanRetrievability(
        IEnumerable<TrackedQuestion> questions, string courseId, FsrsScheduler scheduler, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(scheduler);

        var sum = 0.0;
        var count = 0;
        foreach (var question in questions)
        {
            if (question.CourseId == courseId && scheduler.Retrievability(question.Card, now) is { } retrievability)
            {
                sum += retrievability;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }
}
