using System.Net;
using System.Text.Json.Nodes;
using MicroLearnBot.Tests.Authentication;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Tests.Channels;

/// <summary>The HTTP contract of <c>/api/messages</c> for malformed and unusual activities.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private FakeTeamsConnector _connector = null!;
    private BotTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeTeamsConnector.StartAsync();
        _bot = await BotTestHost.StartAsync(
            catalog: new StaticCourseCatalog(TestCourses.Create()),
            configureServices: services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"text\":\"hej\"}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\",\"from\":\"not an object\"}")]
    public async Task MalformedBodyGets400(string body)
    {
        var response = await _bot.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task InvalidJsonLoggedWithPositionOnly()
    {
        var response = await _bot.PostRawAsync("{\"type\":\"message\",\n  \"text\": hej}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = Assert.Single(_logs.Entries, e => e.EventId.Id == 1006);
        Assert.Null(entry.Exception);
        Assert.Contains("not valid JSON (line 1, byte", entry.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownActivityTypeGets200()
    {
        var activity = Activities.Text(_connector.ServiceUrl, "hej");
        activity["type"] = "somethingNew";

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task UnknownCommandGetsHelpCard()
    {
        await _bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "blaha blaha"));

        var help = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det där förstod jag inte", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("hjälp", help.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandWithoutDiacriticsWorks()
    {
        await _bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "HJALP"));

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Så här använder du MicroLearnBot", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task ReplyGoesToEscapedConversationPath()
    {
        await _bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "hjälp"));

        var reply = await _connector.WaitForActivityAsync(_ => true, TimeSpan.FromSeconds(15));
        Assert.StartsWith("/teams/v3/conversations/a%3APERSONAL-CONVERSATION-ID-1/activities/", reply.Path, StringComparison.Ordinal);
        Assert.Equal("a:PERSONAL-CONVERSATION-ID-1", reply.ConversationId);
        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Null(reply.Authorization);
        Assert.Equal("28:00000000-0000-0000-0000-0000000000b0", (string?)reply.Body!["from"]!["id"]);
        Assert.Equal("1.5", (string?)reply.Card!["version"]);
    }

    [Fact]
    public async Task NonLoopbackServiceUrlIsNeverCalled()
    {
        var activity = Activities.Text("https://smba.trafficmanager.net/teams/", "hjälp");

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task InvokeGetsCardInResponse()
    {
        var activity = JsonNode.Parse(SharedReference.ReadTeamsActivity("06-invoke-adaptivecard-action-personal.json"))!.AsObject();
        activity["serviceUrl"] = _connector.ServiceUrl;
        activity["value"]!["action"]!["data"] = new JsonObject { ["action"] = "more" };

        var response = await _bot.PostActivityAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
    }

    [Fact]
    public async Task TeamInstallIsIgnoredQuietly()
    {
        var activity = Activities.FromFixture("02-conversationupdate-team-bot-added.json", _connector.ServiceUrl);

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task ChannelMentionPointsToPersonalChat()
    {
        var activity = Activities.FromFixture("05-message-channel-mention.json", _connector.ServiceUrl);

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = await _connector.WaitForActivityAsync(r => r.Card is not null, TimeSpan.FromSeconds(15));
        Assert.True(
            note.CardText.Contains("personlig chatt", StringComparison.Ordinal) || note.CardText.Contains("personal chat", StringComparison.Ordinal),
            $"Expected a pointer to the personal chat, got: {note.CardText}");
        var learners = await _bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnBot.Storage.MicroLearnDbContext>().Learners.CountAsync());
        Assert.Equal(0, learners);
    }

    [Fact]
    public async Task AttachmentOnlyMessageGetsHelp()
    {
        var activity = Activities.Text(_connector.ServiceUrl, "");
        activity.Remove("text");

        await _bot.PostActivityAsync(activity);

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Så här använder du MicroLearnBot", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }
}
