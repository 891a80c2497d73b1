using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Real MSAL round trips against a token endpoint on loopback https.
/// </summary>
public sealed class ConnectorTokenProviderTests : IAsyncLifetime
{
    private const string TenantId = "0d5a6c3e-1111-4222-8333-444455556666";
    private const string Secret = "client-secret-never-logged";

    private readonly List<Uri> _sentRequests = [];
    private readonly CapturingLoggerProvider _logs = new();
    private TokenEndpointServer _server = null!;

    private string LoginUrl => new Uri(_server.BaseAddress, TenantId).ToString();

    public async Task InitializeAsync() => _server = await TokenEndpointServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ClientSecret_GetsTokenFromTenantEndpoint()
    {
        using var services = Build(SecretSettings());

        var token = await services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None);

        Assert.Equal("connector-token-1", token);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/{TenantId}/oauth2/v2.0/token", request.Path);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal(ChannelTokens.AppId, request.Form["client_id"]);
        Assert.Equal(Secret, request.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
        Assert.NotEmpty(_sentRequests);
        Assert.All(_sentRequests, uri => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(uri.Host))));
    }

    [Fact]
    public async Task SecondCall_IsServedFromMsalCache()
    {
        using var services = Build(SecretSettings());
        var provider = services.GetRequiredService<IConnectorTokenProvider>();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Certificate_SendsSignedClientAssertion()
    {
        using var certificate = CreateClientCertificate();
        var path = Path.Combine(Path.GetTempPath(), "bot-" + Guid.NewGuid().ToString("N") + ".pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        try
        {
            var settings = SecretSettings();
            settings.Remove("MicrosoftAppPassword");
            settings["MicrosoftAppCertificatePath"] = path;
            settings["MicrosoftAppCertificatePassword"] = "pfx-password";
            using var services = Build(settings);

            var token = await services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None);

            Assert.Equal("connector-token-1", token);
            var request = Assert.Single(_server.Requests);
            Assert.False(request.Form.ContainsKey("client_secret"));
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);
            var validation = await new JsonWebTokenHandler().ValidateTokenAsync(request.Form["client_assertion"], new TokenValidationParameters
            {
                IssuerSigningKey = new X509SecurityKey(certificate),
                ValidIssuer = ChannelTokens.AppId,
                ValidateAudience = false,
            });
            Assert.True(validation.IsValid, validation.Exception?.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RejectedSecret_ThrowsWithoutRetry()
    {
        _server.ErrorBody = """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""";
        _server.QueueFailures(401);
        using var services = Build(SecretSettings());

        var exception = await Assert.ThrowsAsync<MsalServiceException>(
            () => services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None));

        Assert.Equal("invalid_client", exception.ErrorCode);
        Assert.Single(_server.Requests);
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1123 && entry.Message.Contains("invalid_client", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrors_AreRetried()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _server.QueueFailures(503, 503);
        using var services = Build(SecretSettings(), time);
        var provider = services.GetRequiredService<IConnectorTokenProvider>();

        var pending = provider.GetTokenAsync(CancellationToken.None);
        for (var step = 0; step < 200 && !pending.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        var token = await pending;
        Assert.StartsWith("connector-token-", token, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1122);
        Assert.DoesNotContain(token!, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_IsNeverLogged()
    {
        using var services = Build(SecretSettings());

        var token = await services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None);

        Assert.NotEmpty(_logs.Entries);
        Assert.DoesNotContain(token!, _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, _logs.AllText, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> SecretSettings() => new()
    {
        ["MicrosoftAppId"] = ChannelTokens.AppId,
        ["MicrosoftAppPassword"] = Secret,
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppTenantId"] = TenantId,
        ["ToChannelFromBotLoginUrl"] = LoginUrl,
    };

    private ServiceProvider Build(Dictionary<string, string?> settings, FakeTimeProvider? time = null) =>
        AuthenticationServices.Build(settings, time, _logs, services => _server.ConfigureClient(services, _sentRequests));

    private static X509Certificate2 CreateClientCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MicroLearnBot test client", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }
}
