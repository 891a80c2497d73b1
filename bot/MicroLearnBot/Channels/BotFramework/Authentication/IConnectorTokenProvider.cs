namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Supplies the bearer token for calls from the bot to the Bot Connector service.
/// </summary>
public interface IConnectorTokenProvider
{
    /// <summary>
    /// Gets an access token for <c>ToChannelFromBotOAuthScope</c>, from MSAL's cache while it is valid.
    /// </summary>
    /// <returns>The token, or <c>null</c> in local mode, where requests go without one.</returns>
    /// <exception cref="Microsoft.Identity.Client.MsalException">Entra or the managed identity endpoint refused or failed after retries.</exception>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
