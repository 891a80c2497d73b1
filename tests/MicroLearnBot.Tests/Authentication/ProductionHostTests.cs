using System.Net;
using System.Text;
using System.Text.Json;
using MicroLearnBot.Channels.BotFramework.Authentication;
using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// The real bot with production settings: a SingleTenant app with a secret, the Production environment, channel
/// keys from a loopback OpenID server and connector tokens from a loopback https token endpoint. A rejected
/// activity must cost nothing outside the bot; an accepted one gets its reply with the token the endpoint issued.
/// </summary>
public sealed class ProductionHostTests : IAsyncLifetime
{
    private const string TenantId = "3c9e4a1b-2d5f-4e60-8a7b-9c0d1e2f3a4b";
    private const string Secret = "production-host-test-secret";
    private const string TeamsMessageFixture = "04-message-personal-text.json";

    private readonly FakeTimeProvider _time = FakeTime.AtStockholm(2026, 12, 4, 8, 0);
    private readonly TestSigningKey _teamsKey = new("teams-key", "msteams");
    private readonly TestSigningKey _webChatKey = new("webchat-key", "webchat");
    private readonly LoopbackRequestGuard _guard = new();
    private readonly List<Uri> _tokenClientRequests = [];
    private readonly CapturingLoggerProvider _logs = new();

    private SigningKeyServer _keyServer = null!;
    private TokenEndpointServer _tokenEndpoint = null!;
    private FakeTeamsConnector _connector = null!;
    private FakeTeamsConnector _otherConnector = null!;
    private BotTestHost _bot = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _keyServer = await SigningKeyServer.StartAsync(_teamsKey, _webChatKey);
        _tokenEndpoint = await TokenEndpointServer.StartAsync();
        _connector = await FakeTeamsConnector.StartAsync();
        _otherConnector = await FakeTeamsConnector.StartAsync();

        var settings = new Dictionary<string, string?>
        {
            ["environment"] = Environments.Production,
            ["MicrosoftAppId"] = ChannelTokens.AppId,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppPassword"] = Secret,
            ["ToBotFromChannelOpenIdMetadataUrl"] = _keyServer.MetadataUrl.ToString(),
            ["ToChannelFromBotLoginUrl"] = new Uri(_tokenEndpoint.BaseAddress, TenantId).ToString(),
        };

        _bot = await BotTestHost.StartAsync(_time, new StaticCourseCatalog(TestCourses.Create()), settings: settings, configureServices: services =>
        {
            _tokenEndpoint.ConfigureClient(services, _tokenClientRequests);
            _guard.Protect(services, ConnectorClient.HttpClientName, ConnectorTokenProvider.HttpClientName, ChannelSigningKeyCache.HttpClientName);
            services.AddSingleton<ILoggerProvider>(_logs);
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _otherConnector.DisposeAsync();
        await _connector.DisposeAsync();
        await _tokenEndpoint.DisposeAsync();
        await _keyServer.DisposeAsync();
    }

    [Theory]
    [InlineData("no header", ChannelAuthenticationFailure.MissingAuthorizationHeader)]
    [InlineData("garbage", ChannelAuthenticationFailure.MalformedToken)]
    [InlineData("wrong scheme", ChannelAuthenticationFailure.InvalidAuthorizationHeader)]
    [InlineData("wrong issuer", ChannelAuthenticationFailure.InvalidIssuer)]
    [InlineData("wrong audience", ChannelAuthenticationFailure.InvalidAudience)]
    [InlineData("expired", ChannelAuthenticationFailure.Expired)]
    [InlineData("not yet valid", ChannelAuthenticationFailure.NotYetValid)]
    [InlineData("unknown key id", ChannelAuthenticationFailure.SigningKeyNotFound)]
    [InlineData("key not endorsed for msteams", ChannelAuthenticationFailure.ChannelNotEndorsed)]
    [InlineData("serviceurl claim missing", ChannelAuthenticationFailure.MissingServiceUrlClaim)]
    [InlineData("serviceurl claim different", ChannelAuthenticationFailure.ServiceUrlMismatch)]
    [InlineData("alg none", ChannelAuthenticationFailure.InvalidAlgorithm)]
    [InlineData("HMAC with public key", ChannelAuthenticationFailure.InvalidAlgorithm)]
    public async Task InvalidTokenGets401AndNoSend(string flaw, ChannelAuthenticationFailure expectedReason)
    {
        var activity = Activities.FromFixture(TeamsMessageFixture, _connector.ServiceUrl);

        var response = await _bot.PostActivityAsync(activity, AuthorizationWith(flaw));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1101 && entry.Message.StartsWith($"Rejected channel request: {expectedReason}.", StringComparison.Ordinal));
        Assert.Empty(_connector.Requests);
        Assert.Empty(_tokenEndpoint.Requests);
        AssertOnlyLoopbackRequests();
    }

    [Fact]
    public async Task ValidTokenGetsReplyWithIssuedToken()
    {
        var activity = Activities.FromFixture(TeamsMessageFixture, _connector.ServiceUrl);

        var response = await _bot.PostActivityAsync(activity, Bearer(ValidToken(_connector.ServiceUrl)));

        Assert.True(_bot.Services.GetRequiredService<IHostEnvironment>().IsProduction());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal("/teams/v3/conversations/a%3APERSONAL-CONVERSATION-ID-1/activities/1485983408511", reply.Path);
        Assert.Equal("Bearer connector-token-1", reply.Authorization);

        var tokenRequest = Assert.Single(_tokenEndpoint.Requests);
        Assert.Equal($"/{TenantId}/oauth2/v2.0/token", tokenRequest.Path);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
        Assert.Equal(ChannelTokens.AppId, tokenRequest.Form["client_id"]);
        Assert.Equal(Secret, tokenRequest.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
        Assert.Empty(_otherConnector.Requests);
        Assert.Contains(_guard.Requests, uri => uri.AbsolutePath.EndsWith(SigningKeyServer.KeySetPath, StringComparison.Ordinal));
        Assert.Contains(_guard.Requests, uri => uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Contains(_guard.Requests, uri => uri.AbsoluteUri.StartsWith(_connector.ServiceUrl, StringComparison.Ordinal));
        AssertOnlyLoopbackRequests();
    }

    [Fact]
    public async Task TokenForOtherServiceUrlGets401()
    {
        // The token vouches for the first connector, but the activity names the second, another loopback URL.
        var activity = Activities.FromFixture(TeamsMessageFixture, _otherConnector.ServiceUrl);

        var response = await _bot.PostActivityAsync(activity, Bearer(ValidToken(_connector.ServiceUrl)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1101 && entry.Message.StartsWith($"Rejected channel request: {ChannelAuthenticationFailure.ServiceUrlMismatch}.", StringComparison.Ordinal));
        Assert.Empty(_connector.Requests);
        Assert.Empty(_otherConnector.Requests);
        Assert.Empty(_tokenEndpoint.Requests);
        AssertOnlyLoopbackRequests();
    }

    [Fact]
    public async Task ProactiveLessonGoesToAuthenticatedServiceUrl()
    {
        var install = await _bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl), Bearer(ValidToken(_connector.ServiceUrl)));
        var enroll = await _bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"), Bearer(ValidToken(_connector.ServiceUrl)));
        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enroll.StatusCode);
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Du har startat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        // A forged activity from the same learner must not move their stored service URL.
        var forged = await _bot.PostActivityAsync(Activities.Text(_otherConnector.ServiceUrl, "hjälp"), Bearer(ValidToken(_connector.ServiceUrl)));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        var learner = await _bot.InScopeAsync(services => services.GetRequiredService<MicroLearnDbContext>().Learners.AsNoTracking().SingleAsync());
        Assert.Equal(_connector.ServiceUrl, learner.ServiceUrl);
        Assert.True(learner.ServiceUrlAuthenticated);

        _time.Advance(TimeSpan.FromMinutes(31));
        var written = await _bot.InScopeAsync(async services =>
        {
            var count = await services.GetRequiredService<DeliverySweep>().RunAsync(CancellationToken.None);
            services.GetRequiredService<OutboxSignal>().Notify();
            return count;
        });

        Assert.Equal(1, written);
        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Equal("/teams/v3/conversations/a%3APERSONAL-CONVERSATION-ID-1/activities", lesson.Path);
        Assert.Equal("Bearer connector-token-1", lesson.Authorization);
        Assert.Single(_tokenEndpoint.Requests);
        Assert.Empty(_otherConnector.Requests);
        AssertOnlyLoopbackRequests();
    }

    private string? AuthorizationWith(string flaw)
    {
        var serviceUrl = _connector.ServiceUrl;
        var valid = new ChannelTokenSpec { ServiceUrlClaim = serviceUrl };
        return flaw switch
        {
            "no header" => null,
            "garbage" => "Bearer not-a-json-web-token",
            "wrong scheme" => "Basic " + ValidToken(serviceUrl),
            "wrong issuer" => Bearer(ChannelTokens.Create(_teamsKey, Now, valid with { Issuer = "https://sts.windows.net/" + TenantId + "/" })),
            "wrong audience" => Bearer(ChannelTokens.Create(_teamsKey, Now, valid with { Audience = "9a8b7c6d-0000-4000-8000-000000000001" })),
            "expired" => Bearer(ChannelTokens.Create(_teamsKey, Now, valid with { NotBefore = Now.AddHours(-2), Expires = Now.AddMinutes(-10) })),
            "not yet valid" => Bearer(ChannelTokens.Create(_teamsKey, Now, valid with { NotBefore = Now.AddMinutes(10), Expires = Now.AddHours(2) })),
            "unknown key id" => Bearer(ChannelTokens.Create(new TestSigningKey("key-not-published", "msteams"), Now, valid)),
            "key not endorsed for msteams" => Bearer(ChannelTokens.Create(_webChatKey, Now, valid)),
            "serviceurl claim missing" => Bearer(ChannelTokens.Create(_teamsKey, Now, valid with { ServiceUrlClaim = null })),
            "serviceurl claim different" => Bearer(ChannelTokens.Create(_teamsKey, Now, valid with { ServiceUrlClaim = "https://smba.trafficmanager.net/emea/" })),
            "alg none" => Bearer(UnsignedToken(serviceUrl)),
            "HMAC with public key" => Bearer(HmacTokenKeyedWithPublicKey(serviceUrl)),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw), flaw, "Add the case to AuthorizationWith."),
        };
    }

    private string ValidToken(string serviceUrl) =>
        ChannelTokens.Create(_teamsKey, Now, new ChannelTokenSpec { ServiceUrlClaim = serviceUrl });

    private static string Bearer(string token) => "Bearer " + token;

    // Both forged tokens carry otherwise valid claims, so the algorithm is the only thing wrong with them.
    private string UnsignedToken(string serviceUrl)
    {
        var header = new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = _teamsKey.KeyId };
        var payload = new Dictionary<string, object>
        {
            ["iss"] = ChannelTokens.Issuer,
            ["aud"] = ChannelTokens.AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = Now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = Now.AddHours(1).ToUnixTimeSeconds(),
        };
        return Base64Url(header) + "." + Base64Url(payload) + ".";
    }

    private string HmacTokenKeyedWithPublicKey(string serviceUrl)
    {
        var publicKey = new SymmetricSecurityKey(_teamsKey.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = _teamsKey.KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ChannelTokens.Issuer,
            Audience = ChannelTokens.AppId,
            NotBefore = Now.AddMinutes(-5).UtcDateTime,
            Expires = Now.AddHours(1).UtcDateTime,
            SigningCredentials = new SigningCredentials(publicKey, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
        });
    }

    private static string Base64Url(Dictionary<string, object> value) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    private void AssertOnlyLoopbackRequests()
    {
        Assert.All(_guard.Requests, uri => Assert.True(LoopbackRequestGuard.IsLoopback(uri), $"The bot sent a request to {uri}."));
        Assert.All(_tokenClientRequests, uri => Assert.True(LoopbackRequestGuard.IsLoopback(uri), $"MSAL sent a request to {uri}."));
    }
}
