using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Conversation.Views;

/// <summary>
/// One nugget to study and answer. <see cref="DeliveryId"/> goes into the card's submit data so an answer is tied
/// to the delivery it belongs to, and a second press of the same button is recognised.
/// </summary>
public sealed record LessonView(
    [property: Identifier] string CourseId,
    [property: CourseContent] string CourseTitle,
    Nugget Nugget,
    Guid DeliveryId,
    int Position,
    int NuggetCount) : ReplyView
{
    /// <summary>Earlier reflections on the same question, newest first, so learners see how their thinking moved.</summary>
    public IReadOnlyList<PreviousReflection> PreviousReflections { get; init; } = [];

    /// <summary>Only these check questions are asked; null asks all the nugget's checks.</summary>
    [Identifier]
    public IReadOnlyList<string>? CheckQuestionIds { get; init; }

    /// <summary>True when the nugget comes back for review rather than for the first time.</summary>
    public bool IsReview { get; init; }

    /// <summary>False leaves the reflection out, when only check questions are due for review.</summary>
    public bool IncludesReflection { get; init; } = true;
}

public sealed record PreviousReflection([property: LearnerText] string Text, DateTime AnsweredLocal);
