using System.Text.Json;
using System.Text.Json.Nodes;
using MicroLearnBot.Channels.BotFramework.Activities;
using MicroLearnBot.Channels.BotFramework.Authentication;
using MicroLearnBot.Channels.BotFramework.Cards;
using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Conversation;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework channel's entry point. Contract (Bot Framework SDK behaviour):
/// malformed body or missing <c>type</c> → 400; failed authentication → 401 without detail; other activities →
/// 200 with an empty body; <c>invoke</c> → the invoke response in the same HTTP response.
/// </summary>
public sealed partial class MessagesEndpoint(
    IChannelRequestAuthenticator authenticator,
    TurnRouter router,
    BotFrameworkMessenger messenger,
    MicroLearnDbContext db,
    TimeProvider time,
    ILogger<MessagesEndpoint> logger)
{
    /// <summary>Longest time all replies of one turn may take before they are abandoned and logged.</summary>
    public static readonly TimeSpan ReplyBudget = TimeSpan.FromSeconds(10);

    /// <summary>Largest request body read; Teams activities are a few kilobytes.</summary>
    public const int MaxRequestBytes = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var activity = await ReadActivityAsync(context.Request, cancellationToken);
        if (activity is null)
        {
            return Results.BadRequest(new { error = "The body must be a JSON Bot Framework activity with a 'type'." });
        }

        var authentication = await authenticator.AuthenticateAsync(
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Connection.RemoteIpAddress,
            activity.ChannelId ?? "",
            activity.ServiceUrl ?? "",
            cancellationToken);
        if (!authentication.Succeeded)
        {
            LogUnauthorized(logger, activity.Id, activity.ChannelId, authentication.FailureReason);
            return Results.Unauthorized();
        }

        var turn = ActivityTurnMapper.ToTurn(activity, authentication.IsAuthenticated, time.GetUtcNow());
        if (turn is null && IsMessageInSharedConversation(activity))
        {
            // Lessons are personal. In a team channel or group chat the bot points to the personal chat instead
            // of staying silent, and stores nothing about the sender.
            var note = TurnResult.Message(Language.Resolve(null, ActivityReader.Locale(activity)), "personal.only");
            var sharedTarget = new ConnectorTarget(activity.ServiceUrl!, activity.Conversation!.Id!, authentication.IsAuthenticated, ActivityReader.TenantId(activity));
            var sharedAddress = new MessageAddress(activity.Recipient!.Id!, activity.Recipient.Name, activity.From!.Id!, activity.Conversation.Id!, activity.Id);
            await SendAsync(sharedTarget, sharedAddress, note.Replies[0], cancellationToken);
            return Results.Ok();
        }

        if (turn is null)
        {
            LogIgnored(logger, activity.Type, activity.Id);
            return activity.Type == ActivityTypes.Invoke ? InvokeResults.NotImplemented() : Results.Ok();
        }

        var result = await RunTurnAsync(turn, activity, cancellationToken);

        // Teams gives up on a request after about 15 seconds, so replies get a budget well inside that.
        using var replyBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        replyBudget.CancelAfter(ReplyBudget);
        var target = new ConnectorTarget(activity.ServiceUrl!, activity.Conversation!.Id!, authentication.IsAuthenticated, ActivityReader.TenantId(activity));
        var address = new MessageAddress(activity.Recipient!.Id!, activity.Recipient.Name, activity.From!.Id!, activity.Conversation.Id!, activity.Id);

        if (activity.Type == ActivityTypes.Invoke)
        {
            // Universal Actions: the first reply replaces the card in place; any further replies are sent as messages.
            foreach (var extra in result.Replies.Skip(1))
            {
                await SendAsync(target, address, extra, replyBudget.Token);
            }

            return result.Replies.Count > 0
                ? InvokeResults.Card(messenger.RenderCard(result.Replies[0]))
                : InvokeResults.Message("");
        }

        foreach (var reply in result.Replies)
        {
            await SendAsync(target, address, reply, replyBudget.Token);
        }

        return Results.Ok();
    }

    private static bool IsMessageInSharedConversation(Activity activity) =>
        activity.Type == ActivityTypes.Message &&
        !ActivityReader.IsPersonal(activity) &&
        !string.IsNullOrWhiteSpace(activity.ServiceUrl) &&
        activity.Conversation?.Id is { Length: > 0 } &&
        activity.Recipient?.Id is { Length: > 0 } &&
        activity.From?.Id is { Length: > 0 };

    private async Task<TurnResult> RunTurnAsync(Turn turn, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await router.HandleAsync(turn, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The learner gets a short apology in their language, and the details stay in the log.
            LogTurnFailed(logger, exception, activity.Type, activity.Id, turn.Address.ConversationId);
            return TurnResult.Message(Language.Resolve(null, turn.Locale), "error.generic");
        }
    }

    private async Task SendAsync(ConnectorTarget target, MessageAddress address, ReplyView reply, CancellationToken cancellationToken)
    {
        try
        {
            var json = messenger.CreateMessageJson(reply, address);
            var result = await messenger.SendReplyAsync(target, address.ReplyToId, json, cancellationToken);
            if (result.Succeeded)
            {
                return;
            }

            LogReplyFailed(logger, reply.GetType().Name, target.ConversationId, (int?)result.StatusCode, result.ErrorCode);
            if (result.FailureKind == ConnectorFailureKind.Unreachable)
            {
                await MarkUnreachableAsync(target.ConversationId, $"{(int?)result.StatusCode} {result.ErrorCode}");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // The turn is already saved, so the channel gets 200 and does not redeliver and repeat it. This
            // includes a reply that ran out of the reply budget.
            LogReplyThrew(logger, exception, reply.GetType().Name, target.ConversationId);
        }

        // A lesson that never arrived is handed out again later instead of being skipped.
        if (reply is LessonView lesson)
        {
            await LessonDeliveries.UndoUnansweredAsync(db, lesson.DeliveryId, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Stops scheduled lessons to the learner of a personal conversation that Teams reports blocked or gone, as the
    /// outbox does for a failed lesson, so the next session does not fail the same way.
    /// </summary>
    private async Task MarkUnreachableAsync(string conversationId, string reason)
    {
        // A direct update, so tracked changes of a turn that failed half-way are never saved with it.
        var affected = db.Learners.Where(l => l.ConversationId == conversationId && l.Status == LearnerStatus.Active);
        var learnerIds = await affected.Select(l => l.Id).ToListAsync(CancellationToken.None);
        await affected.ExecuteUpdateAsync(setters => setters
            .SetProperty(l => l.Status, LearnerStatus.Unreachable)
            .SetProperty(l => l.StatusReason, reason)
            .SetProperty(l => l.NextDeliveryUtc, (DateTime?)null), CancellationToken.None);
        foreach (var learnerId in learnerIds)
        {
            LogLearnerUnreachable(logger, learnerId, conversationId, reason);
        }
    }

    private async Task<Activity?> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            LogMalformed(logger, "body too large", request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return null;
        }

        try
        {
            using var limited = new MemoryStream();
            await request.Body.CopyToAsync(limited, cancellationToken);
            if (limited.Length > MaxRequestBytes)
            {
                LogMalformed(logger, "body too large", request.HttpContext.Connection.RemoteIpAddress?.ToString());
                return null;
            }

            limited.Position = 0;
            var activity = await JsonSerializer.DeserializeAsync<Activity>(limited, ActivityJson.Options, cancellationToken);
            if (string.IsNullOrWhiteSpace(activity?.Type))
            {
                LogMalformed(logger, "missing type", request.HttpContext.Connection.RemoteIpAddress?.ToString());
                return null;
            }

            return activity;
        }
        catch (JsonException exception)
        {
            // Bad input from a caller, not a fault here, so the position is enough and a stack trace would not help.
            LogMalformedJson(logger, exception.LineNumber, exception.BytePositionInLine, request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return null;
        }
    }

    // The authenticator already logs each rejection as a warning with its reason and ids, so this adds only the activity id.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Rejected activity {ActivityId} on channel {ChannelId}: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string? activityId, string? channelId, string? reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Ignored {ActivityType} activity {ActivityId}")]
    private static partial void LogIgnored(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Turn for {ActivityType} activity {ActivityId} in conversation {ConversationId} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId, string conversationId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Sending {ViewType} to conversation {ConversationId} failed with {StatusCode} {ErrorCode}")]
    private static partial void LogReplyFailed(ILogger logger, string viewType, string conversationId, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Learner {LearnerId} is unreachable in conversation {ConversationId} ({Reason}); scheduled lessons stop until they write or reinstall")]
    private static partial void LogLearnerUnreachable(ILogger logger, Guid learnerId, string conversationId, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Sending {ViewType} to conversation {ConversationId} threw")]
    private static partial void LogReplyThrew(ILogger logger, Exception exception, string viewType, string conversationId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Rejected malformed activity from {RemoteAddress}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason, string? remoteAddress);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Rejected activity from {RemoteAddress} that is not valid JSON (line {LineNumber}, byte {BytePosition})")]
    private static partial void LogMalformedJson(ILogger logger, long? lineNumber, long? bytePosition, string? remoteAddress);
}

/// <summary>Invoke response bodies as Teams expects them for <c>adaptiveCard/action</c> (Universal Actions).</summary>
public static class InvokeResults
{
    public static IResult Card(JsonObject card) => Results.Json(
        new JsonObject { ["statusCode"] = 200, ["type"] = AdaptiveCard.ContentType, ["value"] = card },
        ActivityJson.Options,
        "application/json; charset=utf-8");

    public static IResult Message(string text) => Results.Json(
        new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = text },
        ActivityJson.Options,
        "application/json; charset=utf-8");

    public static IResult NotImplemented() => Results.StatusCode(StatusCodes.Status501NotImplemented);
}
