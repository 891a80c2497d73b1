namespace MicroLearnBot.Delivery;

/// <summary>Settings of the delivery sweep and the outbox sender (configuration section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Quartz cron expression of the sweep; default every minute at second 0.</summary>
    public string SweepCron { get; set; } = "0 * * * * ?";

    /// <summary>How often the outbox sender looks for due messages when nothing wakes it; default 5 seconds.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a message is given up; default 8, which spans about an hour of backoff.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First backoff step, doubled per attempt; default 30 seconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest backoff between attempts; default 30 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a sender owns a claimed message before another node may take it; default 2 minutes.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Learners whose messages are sent at the same time; default 8.</summary>
    public int SendConcurrency { get; set; } = 8;

    /// <summary>Messages the sender picks up per round; default 200.</summary>
    public int SendBatchSize { get; set; } = 200;

    /// <summary>Learners planned per sweep batch; default 200.</summary>
    public int SweepBatchSize { get; set; } = 200;
}
