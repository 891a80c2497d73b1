using Microsoft.Identity.Client;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Gives MSAL clients from <see cref="IHttpClientFactory"/>, so proxies and handlers configured for
/// <see cref="ConnectorTokenProvider.HttpClientName"/> apply to token requests.
/// </summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(ConnectorTokenProvider.HttpClientName);
}
