namespace MicroLearnBot.Conversation.Views;

/// <summary>The command list; <paramref name="AfterUnknownCommand"/> adds a line saying the text was not understood.</summary>
public sealed record HelpView(bool AfterUnknownCommand) : ReplyView;
