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
    IReadOnlyList<AnswerSummary> Answers) : ReplyView
{
    /// <summary>Daily time budget in minutes.</summary>
    public int DailyMinutes { get; init; }

    public bool IncludeWeekends { get; init; }

    /// <summary>The platform ids stored to reach the learner; null leaves the account section out.</summary>
    public LearnerAccount? Account { get; init; }

    /// <summary>Number of stored answers; <see cref="Answers"/> has only the latest when older ones come in <see cref="MyDataAnswersView"/> parts.</summary>
    public int AnswerCount { get; init; }

    /// <summary>Number of parts in the whole export, this one included.</summary>
    public int PartCount { get; init; } = 1;
}

/// <summary>The ids a channel stored to reach the learner.</summary>
public sealed record LearnerAccount(
    [property: Identifier] string Channel,
    [property: Identifier] string TenantId,
    [property: Identifier] string UserId,
    [property: Identifier] string ConversationId,
    [property: Identifier] string? Locale);

/// <summary>A further part of the learner's stored answers, for exports too large for one message.</summary>
public sealed record MyDataAnswersView(int Part, int PartCount, IReadOnlyList<AnswerSummary> Answers) : ReplyView;

public sealed record EnrollmentSummary([property: CourseContent] string CourseTitle, DateTime StartedLocal, int DeliveredCount, int? NuggetCount)
{
    /// <summary>Questions of the course whose memory state is stored for spaced repetition.</summary>
    public int ReviewQuestionCount { get; init; }

    /// <summary>When the first of those questions is due; null when there are none.</summary>
    public DateTime? NextReviewLocal { get; init; }
}

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
