namespace MicroLearnBot.Storage.Entities;

/// <summary>A nugget handed to a learner, by the daily session or on request. Its id goes into the card.</summary>
public sealed class LessonDeliveryEntity
{
    public Guid Id { get; set; }

    public Guid LearnerId { get; set; }

    public required string CourseId { get; set; }

    public required string NuggetId { get; set; }

    public DateTime DeliveredUtc { get; set; }

    public DeliveryTrigger Trigger { get; set; }

    /// <summary>True when the nugget came back for review rather than for the first time.</summary>
    public bool IsReview { get; set; }
}

public enum DeliveryTrigger
{
    DailySession = 0,
    LearnerRequest = 1,
}
