namespace MicroLearnBot.Conversation.Views;

/// <summary>The reply to a submitted lesson: the stored reflection and, per check question, right or wrong and why.</summary>
public sealed record FeedbackView(
    [property: CourseContent] string NuggetTitle,
    [property: LearnerText] string? ReflectionText,
    IReadOnlyList<CheckFeedback> Checks,
    bool WasAlreadyAnswered) : ReplyView
{
    /// <summary>The course and delivery the feedback belongs to, for the confidence buttons.</summary>
    [Identifier]
    public string CourseId { get; init; } = "";

    public Guid DeliveryId { get; init; }

    public DateTime? NextDeliveryLocal { get; init; }

    /// <summary>True when every lesson of the course has been sent, so the card offers no next lesson.</summary>
    public bool CourseFinished { get; init; }
}

public sealed record CheckFeedback(
    [property: Identifier] string QuestionId,
    [property: CourseContent] string Prompt,
    bool IsCorrect,
    [property: CourseContent] IReadOnlyList<string> CorrectAnswers,
    [property: CourseContent] string Explanation)
{
    /// <summary>True shows the confidence buttons (guessed, fairly sure, certain) that set the FSRS rating.</summary>
    public bool AwaitsConfidence { get; init; }
}
