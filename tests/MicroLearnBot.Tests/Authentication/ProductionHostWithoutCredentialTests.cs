using System.Net;
using MicroLearnBot.Channels.BotFramework.Authentication;
using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// An app id and a loopback metadata URL, nothing more: the bot validates inbound tokens and answers 200 to a
/// valid one, even though it has no credential to authenticate its replies, and sends no reply without a token.
/// </summary>
public sealed class ProductionHostWithoutCredentialTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = FakeTime.AtStockholm(2026, 12, 4, 8, 0);
    private readonly TestSigningKey _teamsKey = new("teams-key", "msteams");
    private readonly LoopbackRequestGuard _guard = new();
    private readonly CapturingLoggerProvider _logs = new();

    private SigningKeyServer _keyServer = null!;
    private FakeTeamsConnector _connector = null!;
    private BotTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _keyServer = await SigningKeyServer.StartAsync(_teamsKey);
        _connector = await FakeTeamsConnector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["environment"] = Environments.Production,
            ["MicrosoftAppId"] = ChannelTokens.AppId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = _keyServer.MetadataUrl.ToString(),
        };

        _bot = await BotTestHost.StartAsync(_time, new StaticCourseCatalog(TestCourses.Create()), settings: settings, configureServices: services =>
        {
            _guard.Protect(services, ConnectorClient.HttpClientName, ConnectorTokenProvider.HttpClientName, ChannelSigningKeyCache.HttpClientName);
            services.AddSingleton<ILoggerProvider>(_logs);
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _keyServer.DisposeAsync();
    }

    [Fact]
    public void MissingCredentialWarnedAtStartup()
    {
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1124);
    }

    [Fact]
    public async Task ValidTokenAcceptedWithoutCredential()
    {
        var activity = Activities.FromFixture("04-message-personal-text.json", _connector.ServiceUrl);
        var token = ChannelTokens.Create(_teamsKey, _time.GetUtcNow(), new ChannelTokenSpec { ServiceUrlClaim = _connector.ServiceUrl });

        var accepted = await _bot.PostActivityAsync(activity, "Bearer " + token);
        var rejected = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1124);
        Assert.All(_guard.Requests, uri => Assert.True(LoopbackRequestGuard.IsLoopback(uri), uri.ToString()));
    }
}
