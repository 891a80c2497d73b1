namespace MicroLearnBot.Storage.Entities;

/// <summary>
/// One answer to one question in one delivery. Reflection text is personal data: shown only to the learner,
/// exported and erased with everything else, never logged.
/// </summary>
public sealed class AnswerEntity
{
    public Guid Id { get; set; }

    public Guid LearnerId { get; set; }

    public Guid DeliveryId { get; set; }

    public required string CourseId { get; set; }

    public required string NuggetId { get; set; }

    public required string QuestionId { get; set; }

    public AnswerKind Kind { get; set; }

    /// <summary>The reflection text, as typed.</summary>
    public string? Text { get; set; }

    /// <summary>Selected choice ids, comma-separated, for check questions.</summary>
    public string? SelectedChoices { get; set; }

    public bool? IsCorrect { get; set; }

    /// <summary>How sure the learner was after a right answer: 2 Hard, 3 Good, 4 Easy; 1 for a wrong answer.</summary>
    public int? Rating { get; set; }

    public DateTime AnsweredUtc { get; set; }
}

public enum AnswerKind
{
    Reflection = 0,
    Check = 1,
}
