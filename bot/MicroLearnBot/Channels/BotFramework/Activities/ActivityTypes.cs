namespace MicroLearnBot.Channels.BotFramework.Activities;

/// <summary>Activity <c>type</c> values the bot handles (Bot Framework Activity schema).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
}
