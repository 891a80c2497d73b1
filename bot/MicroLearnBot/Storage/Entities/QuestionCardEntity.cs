namespace MicroLearnBot.Storage.Entities;

/// <summary>
/// A learner's memory state for one question: the FSRS card of a check question, or the spacing of a reflection.
/// Created when the question is first answered.
/// </summary>
public sealed class QuestionCardEntity
{
    public Guid Id { get; set; }

    public Guid LearnerId { get; set; }

    public required string CourseId { get; set; }

    public required string NuggetId { get; set; }

    public required string QuestionId { get; set; }

    public QuestionKind Kind { get; set; }

    /// <summary>FSRS state: 0 New, 1 Learning, 2 Review, 3 Relearning.</summary>
    public int State { get; set; }

    public double Stability { get; set; }

    public double Difficulty { get; set; }

    public DateTime DueUtc { get; set; }

    public DateTime? LastReviewUtc { get; set; }

    public int Step { get; set; }

    public int Reps { get; set; }

    public int Lapses { get; set; }

    public int ScheduledDays { get; set; }

    public int? LastRating { get; set; }

    /// <summary>Id of the last answer counted, so a repeated delivery of the same answer counts once.</summary>
    public string? LastAnswerId { get; set; }

    /// <summary>True once a reflection has come back as often as its spacing plans; it is not asked again.</summary>
    public bool IsRetired { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

public enum QuestionKind
{
    Check = 0,
    Reflection = 1,
}
