using System.Net;
using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// User-assigned managed identity through MSAL's App Service source, which reads its endpoint
/// from IDENTITY_ENDPOINT and IDENTITY_HEADER. Pointing those at a loopback server keeps MSAL
/// away from the instance metadata service.
/// </summary>
/// <remarks>
/// The variables are process-wide, so this class runs alone in its collection and restores them.
/// </remarks>
[Collection(nameof(ManagedIdentityEnvironmentCollection))]
public sealed class ManagedIdentityTokenProviderTests : IAsyncLifetime
{
    private const string TenantId = "0d5a6c3e-1111-4222-8333-444455556666";
    private const string IdentityHeader = "identity-header-value";

    private readonly List<Uri> _sentRequests = [];
    private readonly CapturingLoggerProvider _logs = new();
    private TokenEndpointServer _server = null!;
    private string? _previousEndpoint;
    private string? _previousHeader;

    public async Task InitializeAsync()
    {
        _server = await TokenEndpointServer.StartAsync(https: false);
        _previousEndpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
        _previousHeader = Environment.GetEnvironmentVariable("IDENTITY_HEADER");
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", new Uri(_server.BaseAddress, "msi/token").ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", IdentityHeader);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _previousEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _previousHeader);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task UserAssignedIdentity_GetsTokenForConnectorResource()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = ChannelTokens.AppId,
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = TenantId,
        };
        using var services = AuthenticationServices.Build(settings, logs: _logs, configure: services => _server.ConfigureClient(services, _sentRequests));

        var token = await services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None);

        Assert.Equal("managed-identity-token", token);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/msi/token", request.Path);
        Assert.Equal("https://api.botframework.com", request.Query["resource"]);
        Assert.Equal(ChannelTokens.AppId, request.Query["client_id"]);
        Assert.Equal(IdentityHeader, request.Headers["X-IDENTITY-HEADER"]);
        Assert.NotEmpty(_sentRequests);
        Assert.All(_sentRequests, uri => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(uri.Host))));
        Assert.DoesNotContain(token!, _logs.AllText, StringComparison.Ordinal);
    }
}

/// <summary>
/// Tests that change the managed identity environment variables, run after all parallel tests.
/// </summary>
[CollectionDefinition(nameof(ManagedIdentityEnvironmentCollection), DisableParallelization = true)]
public sealed class ManagedIdentityEnvironmentCollection;
