using System.Text.Json;
using MicroLearnBot.Channels.BotFramework.Activities;
using MicroLearnBot.Conversation;

namespace MicroLearnBot.Channels.BotFramework;

/// <summary>Turns a Bot Framework activity into a channel-neutral <see cref="Turn"/>, or null when the bot ignores it.</summary>
public static class ActivityTurnMapper
{
    /// <summary>Tenant placeholder for Bot Framework clients that send none (Web Chat, Direct Line).</summary>
    public const string NoTenant = "-";

    public static Turn? ToTurn(Activity activity, bool serviceUrlAuthenticated, DateTimeOffset receivedAt)
    {
        if (activity.From?.Id is not { Length: > 0 } fromId ||
            activity.Conversation?.Id is not { Length: > 0 } conversationId ||
            activity.Recipient?.Id is not { Length: > 0 } botId ||
            activity.ServiceUrl is not { Length: > 0 } serviceUrl ||
            !ActivityReader.IsPersonal(activity))
        {
            return null;
        }

        var kind = KindOf(activity);
        if (kind is null)
        {
            return null;
        }

        CardSubmission? submission = null;
        if (kind == TurnKind.CardSubmission)
        {
            submission = SubmissionOf(activity);
            if (submission is null)
            {
                return null;
            }
        }

        return new Turn
        {
            // Teams user ids (29:...) are per bot; the Entra object id identifies the person across bots and installs.
            Learner = new LearnerKey(activity.ChannelId ?? "msteams", ActivityReader.TenantId(activity) ?? NoTenant, activity.From.AadObjectId ?? fromId),
            UserName = activity.From.Name,
            Locale = ActivityReader.Locale(activity),
            Address = new ConversationAddress(activity.ChannelId ?? "msteams", serviceUrl, conversationId, botId, activity.Recipient.Name, fromId, serviceUrlAuthenticated),
            Kind = kind.Value,
            Text = activity.Text,
            Submission = submission,
            ReceivedAt = receivedAt,
        };
    }

    private static TurnKind? KindOf(Activity activity)
    {
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when ActivityReader.IncludesBot(activity, activity.MembersAdded):
                return TurnKind.Installed;
            case ActivityTypes.ConversationUpdate when ActivityReader.IncludesBot(activity, activity.MembersRemoved):
                return TurnKind.Uninstalled;
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                return TurnKind.Installed;
            case ActivityTypes.InstallationUpdate when activity.Action is "remove" or "remove-upgrade":
                return TurnKind.Uninstalled;
            case ActivityTypes.Message when HasSubmissionValue(activity.Value):
                return TurnKind.CardSubmission;
            // A message with only an attachment or a sticker gets the help card rather than silence.
            case ActivityTypes.Message:
                return TurnKind.Text;
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                return TurnKind.CardSubmission;
            default:
                return null;
        }
    }

    private static bool HasSubmissionValue(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } ||
        (value is { ValueKind: JsonValueKind.String } text && text.GetString() is { } json && json.TrimStart().StartsWith('{'));

    /// <summary>
    /// Reads card data: <c>value</c> of an Action.Submit message (a messageBack may send it as a JSON string),
    /// or <c>value.action.data</c> of an Action.Execute invoke, where the verb stands in for a missing action.
    /// </summary>
    private static CardSubmission? SubmissionOf(Activity activity)
    {
        var value = activity.Value!.Value;
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                value = JsonDocument.Parse(value.GetString()!).RootElement;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        string? verb = null;
        if (activity.Type == ActivityTypes.Invoke)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            verb = action.TryGetProperty("verb", out var verbElement) && verbElement.ValueKind == JsonValueKind.String ? verbElement.GetString() : null;
            value = action.TryGetProperty("data", out var data) ? data : default;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return verb is null ? null : new CardSubmission(verb, new Dictionary<string, string>());
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? "",
                JsonValueKind.Null or JsonValueKind.Undefined => "",
                _ => property.Value.GetRawText(),
            };
        }

        var actionName = fields.GetValueOrDefault("action") ?? verb ?? "";
        return new CardSubmission(actionName, fields);
    }
}

public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
}
