namespace MicroLearnBot.Storage.Entities;

/// <summary>A learner and the conversation reference the bot needs to reach them proactively.</summary>
public sealed class LearnerEntity
{
    public Guid Id { get; set; }

    public required string Channel { get; set; }

    public required string TenantId { get; set; }

    /// <summary>Teams: the Entra object id; Slack: the user id.</summary>
    public required string UserId { get; set; }

    public string? DisplayName { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>Stored verbatim, as the latest activity sent it.</summary>
    public required string ServiceUrl { get; set; }

    public bool ServiceUrlAuthenticated { get; set; }

    public required string BotId { get; set; }

    public string? BotName { get; set; }

    /// <summary>The user id as the channel addresses it in a conversation (Teams <c>29:…</c>).</summary>
    public required string ChannelUserId { get; set; }

    public string? Locale { get; set; }

    /// <summary><c>sv</c> or <c>en</c> when the learner chose a language; null follows the client locale.</summary>
    public string? LanguageChoice { get; set; }

    /// <summary>IANA time zone id.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>Delivery time as minutes after local midnight; 510 is 08:30.</summary>
    public int DeliveryMinuteOfDay { get; set; } = 510;

    public bool IncludeWeekends { get; set; }

    /// <summary>Minutes a daily session may take, 5 to 15; 10 unless the learner changed it.</summary>
    public int DailyBudgetMinutes { get; set; } = 10;

    public DateTime? NextDeliveryUtc { get; set; }

    /// <summary>The local date of the last daily session written to the outbox; at most one per date.</summary>
    public DateOnly? LastSessionLocalDate { get; set; }

    public LearnerStatus Status { get; set; }

    /// <summary>Why deliveries stopped, for example a connector error code; never learner text.</summary>
    public string? StatusReason { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the welcome card was last sent; a second install event moments later sends none.</summary>
    public DateTime? WelcomedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<EnrollmentEntity> Enrollments { get; set; } = [];
}

public enum LearnerStatus
{
    Active = 0,

    /// <summary>The learner asked for a pause.</summary>
    Paused = 1,

    /// <summary>The app was uninstalled or removed from the chat.</summary>
    Uninstalled = 2,

    /// <summary>The channel answered 403 or 404; deliveries wait until the learner writes or reinstalls.</summary>
    Unreachable = 3,
}
