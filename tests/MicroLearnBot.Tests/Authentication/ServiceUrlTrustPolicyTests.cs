using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Trust decisions only. No request is sent to any of these URLs.
/// </summary>
public sealed class ServiceUrlTrustPolicyTests
{
    private static readonly Dictionary<string, string?> AppSettings = new()
    {
        ["MicrosoftAppId"] = ChannelTokens.AppId,
        ["MicrosoftAppPassword"] = "test-secret-value",
    };

    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://127.0.0.1:3979/")]
    [InlineData("https://[::1]:8443/connector/")]
    public void LocalMode_MaySendToLoopback(string url)
    {
        var policy = CreatePolicy([]);

        Assert.True(policy.MaySend(new Uri(url), cameFromAuthenticatedActivity: false));
        Assert.False(policy.MayReceiveToken(new Uri(url), cameFromAuthenticatedActivity: false));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("http://10.0.0.8/connector/", true)]
    [InlineData("https://localhost.example.org/", true)]
    public void LocalMode_RejectsNonLoopback(string url, bool authenticated)
    {
        var policy = CreatePolicy([]);

        Assert.False(policy.MaySend(new Uri(url), authenticated));
        Assert.False(policy.MayReceiveToken(new Uri(url), authenticated));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/amer/0d5a6c3e-1111-4222-8333-444455556666/")]
    [InlineData("https://SMBA.trafficmanager.net/emea/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch/")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/dod/")]
    public void AllowlistedHost_IsTrustedWithoutActivity(string url)
    {
        var policy = CreatePolicy(AppSettings);

        Assert.True(policy.MaySend(new Uri(url), cameFromAuthenticatedActivity: false));
        Assert.True(policy.MayReceiveToken(new Uri(url), cameFromAuthenticatedActivity: false));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net:8443/teams/")]
    [InlineData("https://smba.trafficmanager.net.example.org/teams/")]
    [InlineData("https://evil.smba.trafficmanager.net/teams/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/teams/")]
    [InlineData("https://connector.example.org/teams/")]
    [InlineData("http://localhost:56150/_connector")]
    public void UnlistedUrl_IsUntrustedWithoutActivity(string url)
    {
        var policy = CreatePolicy(AppSettings);

        Assert.False(policy.MaySend(new Uri(url), cameFromAuthenticatedActivity: false));
        Assert.False(policy.MayReceiveToken(new Uri(url), cameFromAuthenticatedActivity: false));
    }

    [Theory]
    [InlineData("https://connector.example.org/teams/")]
    [InlineData("https://smba.trafficmanager.net:8443/teams/")]
    [InlineData("http://127.0.0.1:3979/")]
    public void AuthenticatedActivityUrl_IsTrusted(string url)
    {
        var policy = CreatePolicy(AppSettings);

        Assert.True(policy.MaySend(new Uri(url), cameFromAuthenticatedActivity: true));
        Assert.True(policy.MayReceiveToken(new Uri(url), cameFromAuthenticatedActivity: true));
    }

    [Theory]
    [InlineData("http://connector.example.org/teams/")]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://user:pass@connector.example.org/teams/")]
    [InlineData("ftp://connector.example.org/teams/")]
    public void AuthenticatedActivityUrl_NeedsHttpsOutsideLoopback(string url)
    {
        var policy = CreatePolicy(AppSettings);

        Assert.False(policy.MaySend(new Uri(url), cameFromAuthenticatedActivity: true));
        Assert.False(policy.MayReceiveToken(new Uri(url), cameFromAuthenticatedActivity: true));
    }

    [Fact]
    public void ConfiguredHosts_ReplaceDefaults()
    {
        var settings = new Dictionary<string, string?>(AppSettings)
        {
            ["BotFramework:TrustedServiceHosts:0"] = "connector.example.org",
        };
        var policy = CreatePolicy(settings);

        Assert.True(policy.MayReceiveToken(new Uri("https://connector.example.org/v3/"), cameFromAuthenticatedActivity: false));
        Assert.False(policy.MayReceiveToken(new Uri("https://smba.trafficmanager.net/teams/"), cameFromAuthenticatedActivity: false));
    }

    private static IServiceUrlTrustPolicy CreatePolicy(Dictionary<string, string?> settings)
    {
        using var services = AuthenticationServices.Build(settings);
        return services.GetRequiredService<IServiceUrlTrustPolicy>();
    }
}
