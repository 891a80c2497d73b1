using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroLearnBot.Channels.BotFramework.Activities;

/// <summary>
/// A Bot Framework activity (Bot Connector API v3). Only the fields the bot reads or writes are typed;
/// everything else lands in <see cref="ExtensionData"/> so unknown fields survive a round trip.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? Locale { get; init; }

    public string? LocalTimezone { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Summary { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>Card submission data, an invoke payload, or any JSON the channel sends.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Invoke name, for example <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    /// <summary>For <c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c> or <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> in Teams.</summary>
    public string? ConversationType { get; init; }

    public bool? IsGroup { get; init; }

    public string? TenantId { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

public sealed record Attachment
{
    public string? ContentType { get; init; }

    public JsonNodeOrElement? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }
}
