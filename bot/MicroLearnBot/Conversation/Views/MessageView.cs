using MicroLearnBot.Conversation.Texts;

namespace MicroLearnBot.Conversation.Views;

/// <summary>A short confirmation or error: one or more paragraphs and optional buttons.</summary>
public sealed record MessageView(IReadOnlyList<LocalizedText> Paragraphs) : ReplyView
{
    public IReadOnlyList<ButtonView> Buttons { get; init; } = [];
}

/// <summary>A button that submits <paramref name="Action"/> with <paramref name="Data"/>.</summary>
public sealed record ButtonView(LocalizedText Title, [property: Identifier] string Action, IReadOnlyDictionary<string, string> Data);
