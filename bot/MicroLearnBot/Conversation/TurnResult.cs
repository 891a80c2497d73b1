using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;

namespace MicroLearnBot.Conversation;

/// <summary>The replies to one turn, in the order they should be sent.</summary>
public sealed record TurnResult(IReadOnlyList<ReplyView> Replies)
{
    public static TurnResult None { get; } = new([]);

    public static TurnResult Of(params ReplyView[] replies) => new(replies);

    public static TurnResult Message(string language, string key, params object[] arguments) =>
        Of(new MessageView([LocalizedText.Of(key, arguments)]) { Language = language });
}
