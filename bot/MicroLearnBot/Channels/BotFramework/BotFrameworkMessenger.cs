using System.Text.Json;
using System.Text.Json.Nodes;
using MicroLearnBot.Channels.BotFramework.Activities;
using MicroLearnBot.Channels.BotFramework.Cards;
using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Channels.BotFramework;

/// <summary>
/// Renders reply views as message activities and sends them through the connector, retrying briefly on
/// throttling and transient failures. Durable retries for scheduled lessons belong to the outbox.
/// </summary>
public sealed partial class BotFrameworkMessenger(
    AdaptiveCardRenderer renderer,
    ConnectorClient connector,
    TimeProvider time,
    ILogger<BotFrameworkMessenger> logger)
{
    /// <summary>In-turn sends give up after this many attempts; the learner can repeat the command.</summary>
    private const int MaxInTurnAttempts = 3;

    /// <summary>Longest Retry-After an in-turn send waits; Teams closes the request after about 15 seconds.</summary>
    private static readonly TimeSpan MaxInTurnWait = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Builds the message activity JSON for <paramref name="view"/>; a card over the size budget is replaced by a
    /// short notice, so Teams never returns 413.
    /// </summary>
    public string CreateMessageJson(ReplyView view, MessageAddress address)
    {
        var json = Serialize(view, address);
        if (json.Length <= ConnectorClient.MessageSizeBudget)
        {
            return json;
        }

        LogCardOverBudget(logger, view.GetType().Name, json.Length, ConnectorClient.MessageSizeBudget);
        var notice = new MessageView([LocalizedText.Of(view is LessonView ? "error.tooLarge" : "error.replyTooLarge")]) { Language = view.Language };
        return Serialize(notice, address);
    }

    public JsonObject RenderCard(ReplyView view) => renderer.Render(view).ToJson();

    /// <summary>Sends a reply within a turn, in reply to <paramref name="replyToId"/> when there is one.</summary>
    public async Task<ConnectorResult> SendReplyAsync(ConnectorTarget target, string? replyToId, string activityJson, CancellationToken cancellationToken)
    {
        var random = Random.Shared;
        for (var attempt = 1; ; attempt++)
        {
            var result = replyToId is null
                ? await connector.SendToConversationAsync(target, activityJson, cancellationToken)
                : await connector.ReplyToActivityAsync(target, replyToId, activityJson, cancellationToken);

            var kind = result.FailureKind;
            if (kind is ConnectorFailureKind.None or ConnectorFailureKind.Unreachable or ConnectorFailureKind.Permanent || attempt >= MaxInTurnAttempts)
            {
                return result;
            }

            var delay = RetryBackoff.NextDelay(result, attempt, TimeSpan.FromMilliseconds(250), MaxInTurnWait, random);
            if (delay > MaxInTurnWait)
            {
                return result;
            }

            LogRetrying(logger, target.ConversationId, attempt, (int?)result.StatusCode, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private string Serialize(ReplyView view, MessageAddress address)
    {
        var card = renderer.Render(view);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = address.BotId, Name = address.BotName },
            Recipient = new ChannelAccount { Id = address.UserId },
            Conversation = new ConversationAccount { Id = address.ConversationId },
            ReplyToId = address.ReplyToId,
            Locale = view.Language == Language.English ? "en-GB" : "sv-SE",
            Summary = card.Summary ?? card.FallbackText,
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJson() }],
        };

        return JsonSerializer.Serialize(activity, ActivityJson.Options);
    }

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "{ViewType} card is {Length} UTF-16 units, over the budget of {Budget}; sending a short notice instead")]
    private static partial void LogCardOverBudget(ILogger logger, string viewType, int length, int budget);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Retrying reply to conversation {ConversationId} after attempt {Attempt} failed with {StatusCode}; waiting {DelayMilliseconds} ms")]
    private static partial void LogRetrying(ILogger logger, string conversationId, int attempt, int? statusCode, double delayMilliseconds);
}

/// <summary>The ids a message activity carries: bot, user, conversation, and the activity it answers.</summary>
public sealed record MessageAddress(string BotId, string? BotName, string UserId, string ConversationId, string? ReplyToId);
