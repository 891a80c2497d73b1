namespace MicroLearnBot.Storage.Entities;

/// <summary>A learner's participation in one course.</summary>
public sealed class EnrollmentEntity
{
    public Guid Id { get; set; }

    public Guid LearnerId { get; set; }

    public required string CourseId { get; set; }

    public DateTime StartedUtc { get; set; }

    /// <summary>False once the learner starts another course; the history stays.</summary>
    public bool IsActive { get; set; } = true;
}
