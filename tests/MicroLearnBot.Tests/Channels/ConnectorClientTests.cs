using System.Net;
using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Channels;

/// <summary>Each Bot Connector operation, with ids escaped into the path, against the fake connector.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "a:1;messageid=2@thread";
    private FakeTeamsConnector _connector = null!;
    private BotTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeTeamsConnector.StartAsync();
        _bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Task<ConnectorResult> CallAsync(Func<ConnectorClient, ConnectorTarget, Task<ConnectorResult>> call) =>
        _bot.InScopeAsync(services => call(services.GetRequiredService<ConnectorClient>(), new ConnectorTarget(_connector.ServiceUrl, ConversationId, ServiceUrlAuthenticated: false)));

    [Fact]
    public async Task SendPostsToEscapedConversation()
    {
        var result = await CallAsync((client, target) => client.SendToConversationAsync(target, """{"type":"message","text":"hej"}""", CancellationToken.None));

        Assert.True(result.Succeeded);
        Assert.NotNull(result.ActivityId);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/a%3A1%3Bmessageid%3D2%40thread/activities", request.Path);
    }

    [Fact]
    public async Task UpdateAndDeleteAddressTheActivity()
    {
        var update = await CallAsync((client, target) => client.UpdateActivityAsync(target, "1:abc", """{"type":"message"}""", CancellationToken.None));
        var delete = await CallAsync((client, target) => client.DeleteActivityAsync(target, "1:abc", CancellationToken.None));

        Assert.True(update.Succeeded);
        Assert.True(delete.Succeeded);
        var requests = _connector.Requests.ToList();
        Assert.Equal("PUT", requests[0].Method);
        Assert.Equal("DELETE", requests[1].Method);
        Assert.All(requests, r => Assert.EndsWith("/activities/1%3Aabc", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateConversationCarriesTenant()
    {
        var result = await CallAsync((client, target) => client.CreateConversationAsync(target, "28:bot", "29:user", "tenant-1", CancellationToken.None));

        Assert.True(result.Succeeded);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/teams/v3/conversations", request.Path);
        Assert.Equal("tenant-1", (string?)request.Body!["channelData"]!["tenant"]!["id"]);
        Assert.Equal("29:user", (string?)request.Body["members"]![0]!["id"]);
        Assert.Equal("28:bot", (string?)request.Body["bot"]!["id"]);
        Assert.False((bool?)request.Body["isGroup"]);
    }

    [Theory]
    [InlineData(10, null, "?pageSize=50")]
    [InlineData(1000, "next page", "?pageSize=500&continuationToken=next%20page")]
    public async Task PagedMembersClampsPageSize(int pageSize, string? continuation, string expectedQuery)
    {
        await CallAsync((client, target) => client.GetPagedMembersAsync(target, pageSize, continuation, CancellationToken.None));

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/teams/v3/conversations/a%3A1%3Bmessageid%3D2%40thread/pagedmembers{expectedQuery}", request.Path);
    }

    [Fact]
    public async Task OneMemberEscapesUserId()
    {
        await CallAsync((client, target) => client.GetMemberAsync(target, "29:user id", CancellationToken.None));

        Assert.EndsWith("/members/29%3Auser%20id", Assert.Single(_connector.Requests).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorCodeAndRetryAfterAreRead()
    {
        _connector.FailNext(HttpStatusCode.TooManyRequests, "Throttled", retryAfter: TimeSpan.FromSeconds(3));

        var result = await CallAsync((client, target) => client.SendToConversationAsync(target, """{"type":"message"}""", CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, result.StatusCode);
        Assert.Equal("Throttled", result.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(3), result.RetryAfter);
        Assert.Equal(ConnectorFailureKind.Throttled, result.FailureKind);
    }

    [Fact]
    public async Task RemoteServiceUrlIsRefusedInLocalMode()
    {
        var result = await _bot.InScopeAsync(services => services.GetRequiredService<ConnectorClient>()
            .SendToConversationAsync(new ConnectorTarget("https://smba.trafficmanager.net/teams/", ConversationId, false), """{"type":"message"}""", CancellationToken.None));

        Assert.Same(ConnectorResult.Untrusted, result);
        Assert.Empty(_connector.Requests);
    }
}
