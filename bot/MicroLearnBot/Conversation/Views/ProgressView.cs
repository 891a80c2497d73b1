namespace MicroLearnBot.Conversation.Views;

/// <summary>The learner's progress in their active course.</summary>
/// <param name="EstimatedRecall">Mean probability of recall over the answered questions now, 0 to 1; null before any answer.</param>
public sealed record ProgressView(
    [property: CourseContent] string CourseTitle,
    int Streak,
    int LessonsDelivered,
    int LessonCount,
    int QuestionsLearned,
    int QuestionCount,
    double? EstimatedRecall,
    int DueNow,
    DateTime? NextReviewLocal,
    DateTime? NextDeliveryLocal) : ReplyView
{
    /// <summary>True while the learner has paused lessons, so nothing is planned.</summary>
    public bool IsPaused { get; init; }
}
