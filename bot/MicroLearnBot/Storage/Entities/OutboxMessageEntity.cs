namespace MicroLearnBot.Storage.Entities;

/// <summary>
/// A message waiting to be sent. The idempotency key (learner, local date, slot) is unique, so a sweep that runs
/// twice, on two nodes or after a restart writes it once. Attempts and the next attempt time survive restarts.
/// </summary>
public sealed class OutboxMessageEntity
{
    public Guid Id { get; set; }

    public Guid LearnerId { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>The lesson delivery the message carries; undone if the message is never sent.</summary>
    public Guid? LessonDeliveryId { get; set; }

    /// <summary>The rendered activity, JSON, exactly as it will be posted.</summary>
    public required string Payload { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    /// <summary>A sender owns the row until this time; another node may take it over afterwards.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>Status code and error code of the last failure, never message content.</summary>
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Gave up: the learner is unreachable, or retries ran out.</summary>
    Failed = 2,
}
