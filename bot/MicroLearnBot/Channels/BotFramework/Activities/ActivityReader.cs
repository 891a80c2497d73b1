using System.Text.Json;

namespace MicroLearnBot.Channels.BotFramework.Activities;

/// <summary>Typed accessors for the loosely typed parts of an activity (entities, Teams channel data).</summary>
public static class ActivityReader
{
    /// <summary>Returns the tenant id from <c>conversation.tenantId</c> or Teams <c>channelData.tenant.id</c>.</summary>
    public static string? TenantId(Activity activity)
    {
        if (!string.IsNullOrEmpty(activity.Conversation?.TenantId))
        {
            return activity.Conversation.TenantId;
        }

        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData &&
            channelData.TryGetProperty("tenant", out var tenant) &&
            tenant.ValueKind == JsonValueKind.Object &&
            tenant.TryGetProperty("id", out var id) &&
            id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return null;
    }

    /// <summary>Returns the activity locale, else the <c>clientInfo</c> entity's locale.</summary>
    public static string? Locale(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Locale))
        {
            return activity.Locale;
        }

        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object &&
                entity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "clientInfo" &&
                entity.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String)
            {
                return locale.GetString();
            }
        }

        return null;
    }

    /// <summary>Returns true for a one-to-one chat; Bot Framework clients that omit the type are treated as personal.</summary>
    public static bool IsPersonal(Activity activity) =>
        activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;

    /// <summary>Returns true when the bot itself is among <paramref name="members"/>.</summary>
    public static bool IncludesBot(Activity activity, IReadOnlyList<ChannelAccount>? members) =>
        members is not null && activity.Recipient?.Id is { } botId && members.Any(m => m.Id == botId);
}
