namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Kind of identity the bot uses to obtain outbound tokens. Inbound validation is the same for all three.
/// </summary>
public enum BotAppType
{
    /// <summary>App registration with a secret or certificate, tokens from the <c>botframework.com</c> tenant.</summary>
    MultiTenant,

    /// <summary>App registration with a secret or certificate, tokens from the bot's own tenant.</summary>
    SingleTenant,

    /// <summary>User-assigned managed identity of the Azure resource the bot runs on.</summary>
    UserAssignedMsi,
}
