using System.Net;
using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Requests without an app id. The IP addresses are only values here, so no traffic is sent.
/// </summary>
public sealed class LocalModeTests : IDisposable
{
    private const string PlaygroundServiceUrl = "http://localhost:56150/_connector";

    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;
    private readonly IChannelRequestAuthenticator _authenticator;

    public LocalModeTests()
    {
        _services = AuthenticationServices.Build(new Dictionary<string, string?>(), logs: _logs);
        _authenticator = _services.GetRequiredService<IChannelRequestAuthenticator>();
    }

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.20.30")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task LoopbackWithoutHeader_IsAcceptedAsLocal(string address)
    {
        var result = await AuthenticateAsync(null, IPAddress.Parse(address));

        Assert.True(result.Succeeded);
        Assert.True(result.IsLocal);
        Assert.False(result.IsAuthenticated);
        Assert.Null(result.Identity);
        Assert.Null(result.AppId);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.20")]
    [InlineData("52.112.0.10")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    public async Task NonLoopback_IsRejected(string address)
    {
        var result = await AuthenticateAsync(null, IPAddress.Parse(address));

        Assert.False(result.Succeeded);
        Assert.False(result.IsLocal);
        Assert.Equal(ChannelAuthenticationFailure.NotLoopback, result.Failure);
    }

    [Fact]
    public async Task UnknownRemoteAddress_IsRejected()
    {
        var result = await AuthenticateAsync(null, null);

        Assert.Equal(ChannelAuthenticationFailure.NotLoopback, result.Failure);
    }

    [Fact]
    public async Task LoopbackWithHeader_IsRejected()
    {
        var result = await AuthenticateAsync("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", IPAddress.Loopback);

        Assert.False(result.Succeeded);
        Assert.Equal(ChannelAuthenticationFailure.AuthorizationHeaderInLocalMode, result.Failure);
        Assert.DoesNotContain("eyJhbGciOiJSUzI1NiJ9", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalMode_IsLoggedAsWarning()
    {
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1100 && entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task TokenProvider_ReturnsNull()
    {
        var provider = _services.GetRequiredService<IConnectorTokenProvider>();

        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Null(token);
    }

    private Task<ChannelAuthenticationResult> AuthenticateAsync(string? header, IPAddress? address) =>
        _authenticator.AuthenticateAsync(header, address, "msteams", PlaygroundServiceUrl, CancellationToken.None);
}
