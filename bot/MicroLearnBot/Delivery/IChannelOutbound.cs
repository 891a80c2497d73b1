using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Delivery;

/// <summary>A channel's proactive side: render a view for a stored learner, and send a rendered payload.</summary>
public interface IChannelOutbound
{
    /// <summary>The channel id this outbound serves, as stored in <see cref="LearnerEntity.Channel"/>.</summary>
    bool Serves(string channel);

    string CreatePayload(LearnerEntity learner, ReplyView view);

    Task<OutboundResult> SendAsync(LearnerEntity learner, string payload, CancellationToken cancellationToken);
}

/// <summary>What happened to one proactive send, in channel-neutral terms.</summary>
/// <param name="RetryAfter">The wait the channel asked for, or null to use backoff.</param>
/// <param name="Error">Status and error code for the log, never content.</param>
public sealed record OutboundResult(OutboundStatus Status, TimeSpan? RetryAfter = null, string? Error = null);

public enum OutboundStatus
{
    Sent,
    RetryLater,

    /// <summary>The learner blocked or removed the app, or the conversation is gone.</summary>
    Unreachable,

    Failed,
}
