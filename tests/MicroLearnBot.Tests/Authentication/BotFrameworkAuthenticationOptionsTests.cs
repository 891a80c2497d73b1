using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Tests.Authentication;

public sealed class BotFrameworkAuthenticationOptionsTests
{
    private const string AppId = "6f0c1d2e-0000-4000-8000-00000000b07a";
    private const string TenantId = "0d5a6c3e-1111-4222-8333-444455556666";
    private const string Secret = "secret-value-never-logged";

    [Fact]
    public void MultiTenantDefaults_UsePublicCloud()
    {
        var options = Resolve(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = Secret });

        Assert.False(options.IsLocalMode);
        Assert.Equal(BotAppType.MultiTenant, options.AppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", options.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.ToChannelFromBotLoginUrl);
        Assert.Equal("https://api.botframework.com", options.ToChannelFromBotOAuthScope);
    }

    [Fact]
    public void SingleTenantDefault_LogsInToOwnTenant()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = TenantId,
        });

        Assert.Equal(BotAppType.SingleTenant, options.AppType);
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}", options.ToChannelFromBotLoginUrl);
    }

    [Fact]
    public void GovernmentChannelService_SwitchesDefaults()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["ChannelService"] = "https://botframework.azure.us",
        });

        Assert.Equal("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", options.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.us", options.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://api.botframework.us", options.ToChannelFromBotOAuthScope);
        Assert.Equal("https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us", options.ToChannelFromBotLoginUrl);
    }

    [Fact]
    public void GovernmentSingleTenant_LogsInToOwnTenant()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = TenantId,
            ["ChannelService"] = "https://botframework.azure.us/",
        });

        Assert.Equal($"https://login.microsoftonline.us/{TenantId}", options.ToChannelFromBotLoginUrl);
    }

    [Fact]
    public void ExplicitEndpoints_OverrideDefaults()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["ToBotFromChannelOpenIdMetadataUrl"] = "https://keys.example.org/openid",
            ["ToBotFromChannelTokenIssuer"] = "https://issuer.example.org",
            ["ToChannelFromBotLoginUrl"] = "https://login.example.org/tenant",
            ["ToChannelFromBotOAuthScope"] = "https://scope.example.org",
        });

        Assert.Equal("https://keys.example.org/openid", options.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://issuer.example.org", options.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://login.example.org/tenant", options.ToChannelFromBotLoginUrl);
        Assert.Equal("https://scope.example.org", options.ToChannelFromBotOAuthScope);
    }

    [Theory]
    [InlineData("userassignedmsi")]
    [InlineData("UserAssignedMSI")]
    [InlineData("USERASSIGNEDMSI")]
    public void AppType_IsCaseInsensitive(string value)
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppType"] = value,
            ["MicrosoftAppTenantId"] = TenantId,
        });

        Assert.Equal(BotAppType.UserAssignedMsi, options.AppType);
    }

    [Fact]
    public void EmptyAppId_MeansLocalMode()
    {
        var options = Resolve(new() { ["MicrosoftAppId"] = "  " });

        Assert.True(options.IsLocalMode);
        Assert.Null(options.MicrosoftAppId);
    }

    [Fact]
    public void TrustedServiceHosts_DefaultToTeamsClouds()
    {
        var options = Resolve(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = Secret });

        Assert.Equal(
            ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us"],
            options.TrustedServiceHosts);
    }

    [Fact]
    public void TrustedServiceHosts_ConfiguredListReplacesDefaults()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["BotFramework:TrustedServiceHosts:0"] = "connector.example.org",
        });

        Assert.Equal(["connector.example.org"], options.TrustedServiceHosts);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/openid")]
    [InlineData("http://localhost:5000/openid")]
    [InlineData("http://[::1]:5000/openid")]
    public void HttpMetadataUrl_IsAcceptedOnLoopback(string url)
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["ToBotFromChannelOpenIdMetadataUrl"] = url,
        });

        Assert.Equal(url, options.ToBotFromChannelOpenIdMetadataUrl);
    }

    [Fact]
    public void SingleTenantWithoutTenant_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppType"] = "SingleTenant",
        });

        Assert.Contains(failures, message => message.StartsWith("MicrosoftAppTenantId is missing.", StringComparison.Ordinal)
            && message.Contains("SingleTenant", StringComparison.Ordinal));
    }

    [Fact]
    public void ManagedIdentityWithPassword_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = TenantId,
        });

        var failure = Assert.Single(failures);
        Assert.Contains("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI", failure, StringComparison.Ordinal);
        Assert.Contains("Remove MicrosoftAppPassword.", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ManagedIdentityWithoutTenant_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppType"] = "UserAssignedMSI",
        });

        var failure = Assert.Single(failures);
        Assert.Equal("MicrosoftAppTenantId is missing. Set it to the tenant of the user-assigned managed identity.", failure);
    }

    [Fact]
    public void ManagedIdentityWithCertificate_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppCertificateThumbprint"] = "00112233445566778899AABBCCDDEEFF00112233",
        });

        var failure = Assert.Single(failures);
        Assert.Contains("must be empty when MicrosoftAppType is UserAssignedMSI", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.5/openid")]
    [InlineData("http://localhost.example.org/openid")]
    [InlineData("ftp://127.0.0.1/openid")]
    [InlineData("/v1/.well-known/openidconfiguration")]
    public void NonLoopbackHttpMetadataUrl_StopsStartup(string url)
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["ToBotFromChannelOpenIdMetadataUrl"] = url,
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith($"ToBotFromChannelOpenIdMetadataUrl '{url}' is invalid.", failure, StringComparison.Ordinal);
        Assert.Contains("Plain http is accepted only for a loopback host.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAppType_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppType"] = "SystemAssignedMSI",
        });

        var failure = Assert.Single(failures);
        Assert.Equal("MicrosoftAppType 'SystemAssignedMSI' is invalid. Set MultiTenant, SingleTenant or UserAssignedMSI.", failure);
    }

    [Fact]
    public async Task AppIdWithoutCredential_StartsForInboundValidation()
    {
        var options = Resolve(new() { ["MicrosoftAppId"] = AppId });
        using var services = AuthenticationServices.Build(new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId });
        var tokens = services.GetRequiredService<IConnectorTokenProvider>();

        Assert.Equal(AppId, options.MicrosoftAppId);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => tokens.GetTokenAsync(CancellationToken.None));
        Assert.Contains("Set MicrosoftAppPassword", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordWithoutAppId_StopsStartup()
    {
        var failures = ResolveFailures(new() { ["MicrosoftAppPassword"] = Secret });

        var failure = Assert.Single(failures);
        Assert.StartsWith("MicrosoftAppPassword is set but MicrosoftAppId is empty.", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleTenantWithoutAppId_StopsStartup()
    {
        var failures = ResolveFailures(new() { ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = TenantId });

        var failure = Assert.Single(failures);
        Assert.StartsWith("MicrosoftAppType is SingleTenant but MicrosoftAppId is empty.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordAndCertificate_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppCertificateThumbprint"] = "00112233445566778899AABBCCDDEEFF00112233",
        });

        var failure = Assert.Single(failures);
        Assert.Equal("Both MicrosoftAppPassword and a certificate are set. Keep only one of them.", failure);
    }

    [Fact]
    public void MissingCertificateFile_StopsStartup()
    {
        var path = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".pfx");

        var failures = ResolveFailures(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppCertificatePath"] = path });

        var failure = Assert.Single(failures);
        Assert.Equal($"MicrosoftAppCertificatePath '{path}' was not found. Set the path of a readable .pfx file.", failure);
    }

    [Fact]
    public void UnknownChannelService_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["ChannelService"] = "https://botframework.example.org",
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith("ChannelService 'https://botframework.example.org' is not supported.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpLoginUrl_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["ToChannelFromBotLoginUrl"] = "http://127.0.0.1:5001/tenant",
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith("ToChannelFromBotLoginUrl 'http://127.0.0.1:5001/tenant' is invalid.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void TrustedServiceHostWithScheme_StopsStartup()
    {
        var failures = ResolveFailures(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["BotFramework:TrustedServiceHosts:0"] = "https://smba.trafficmanager.net/teams/",
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith("BotFramework:TrustedServiceHosts entry 'https://smba.trafficmanager.net/teams/' is invalid.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidOptions_StopHostStart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppType"] = "SingleTenant",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddBotFrameworkAuthentication(builder.Configuration);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MicrosoftAppTenantId is missing.", exception.Message, StringComparison.Ordinal);
    }

    private static BotFrameworkAuthenticationOptions Resolve(Dictionary<string, string?> settings)
    {
        using var services = AuthenticationServices.Build(settings);
        return services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;
    }

    private static IReadOnlyList<string> ResolveFailures(Dictionary<string, string?> settings)
    {
        using var services = AuthenticationServices.Build(settings);
        var exception = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value);
        return [.. exception.Failures];
    }
}
