namespace MicroLearnBot.Conversation.Views;

/// <summary>Everything stored about the learner, their reflection texts included.</summary>
public sealed record MyDataView(
    [property: LearnerText] string? UserName,
    [property: Identifier] string LearnerLanguage,
    TimeOnly DeliveryTime,
    [property: Identifier] string TimeZone,
    DateTime? NextDeliveryLocal,
    bool IsPaused,
    IReadOnlyList<EnrollmentSummary> Enrollments,
    IReadOnlyList<AnswerSummary> Answers) : ReplyView;

public sealed record EnrollmentSummary([property: CourseContent] string CourseTitle, DateTime StartedLocal, int DeliveredCount, int? NuggetCount);

public sealed record AnswerSummary(
    [property: CourseContent] string CourseTitle,
    [property: CourseContent] string QuestionPrompt,
    [property: LearnerText] string Answer,
    bool? IsCorrect,
    DateTime AnsweredLocal)
{
    /// <summary>How sure the learner said they were: 2 guessed, 3 fairly sure, 4 certain; null when not given.</summary>
    public int? Confidence { get; init; }
}
