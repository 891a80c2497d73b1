namespace MicroLearnBot.Conversation;

/// <summary>
/// One inbound event, channel-neutral: who sent it, where to answer, in which locale, and what they did.
/// Channels build turns; handlers never see a Bot Framework activity or a Slack payload.
/// </summary>
public sealed record Turn
{
    public required LearnerKey Learner { get; init; }

    public string? UserName { get; init; }

    /// <summary>The client's locale, for example <c>sv-SE</c>; null when the channel did not send one.</summary>
    public string? Locale { get; init; }

    public required ConversationAddress Address { get; init; }

    public required TurnKind Kind { get; init; }

    /// <summary>The typed text with mentions removed, for <see cref="TurnKind.Text"/>.</summary>
    public string? Text { get; init; }

    public CardSubmission? Submission { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}

public enum TurnKind
{
    /// <summary>The bot was installed or added to a personal chat.</summary>
    Installed,

    /// <summary>The bot was uninstalled or removed from the personal chat.</summary>
    Uninstalled,

    Text,

    /// <summary>A card button was pressed; inputs arrive in <see cref="Turn.Submission"/>.</summary>
    CardSubmission,
}

/// <summary>A learner's identity: channel, tenant (Teams tenant or Slack team) and the user id in that tenant.</summary>
public sealed record LearnerKey(string Channel, string TenantId, string UserId);

/// <summary>
/// What a channel needs to reach the learner later without an inbound message (a proactive send).
/// </summary>
/// <param name="ServiceUrl">Stored verbatim, tenant segment included.</param>
/// <param name="ServiceUrlAuthenticated">True when the service URL came from a request whose token vouched for it.</param>
public sealed record ConversationAddress(
    string Channel,
    string ServiceUrl,
    string ConversationId,
    string BotId,
    string? BotName,
    string ChannelUserId,
    bool ServiceUrlAuthenticated);
