using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Delivery;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Channels.BotFramework;

/// <summary>Proactive sends to Bot Framework conversations, for the outbox.</summary>
public sealed class BotFrameworkOutbound(BotFrameworkMessenger messenger, ConnectorClient connector) : IChannelOutbound
{
    /// <summary>Every Bot Framework channel id (msteams, webchat, emulator, ...); Slack has its own outbound.</summary>
    public bool Serves(string channel) => channel != "slack";

    public string CreatePayload(LearnerEntity learner, ReplyView view) =>
        messenger.CreateMessageJson(view, new MessageAddress(learner.BotId, learner.BotName, learner.ChannelUserId, learner.ConversationId, ReplyToId: null));

    public async Task<OutboundResult> SendAsync(LearnerEntity learner, string payload, CancellationToken cancellationToken)
    {
        var target = new ConnectorTarget(learner.ServiceUrl, learner.ConversationId, learner.ServiceUrlAuthenticated, learner.TenantId);
        var result = await connector.SendToConversationAsync(target, payload, cancellationToken);
        var error = result.Succeeded ? null : $"{(int?)result.StatusCode} {result.ErrorCode}".Trim();
        return result.FailureKind switch
        {
            ConnectorFailureKind.None => new OutboundResult(OutboundStatus.Sent),
            ConnectorFailureKind.Throttled or ConnectorFailureKind.Transient => new OutboundResult(OutboundStatus.RetryLater, result.RetryAfter, error),
            ConnectorFailureKind.Unreachable => new OutboundResult(OutboundStatus.Unreachable, Error: error),
            _ => new OutboundResult(OutboundStatus.Failed, Error: error),
        };
    }
}
