using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Stand-in for the Entra token endpoint and the App Service managed identity endpoint,
/// on loopback with a self-signed certificate, recording each request.
/// </summary>
internal sealed class TokenEndpointServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private LoopbackServer? _server;

    private TokenEndpointServer(X509Certificate2 certificate)
    {
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri BaseAddress => _server!.BaseAddress;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>JSON body of the queued failure responses, or <c>null</c> for a generic <c>temporarily_unavailable</c> error.</summary>
    public string? ErrorBody { get; set; }

    public static async Task<TokenEndpointServer> StartAsync(bool https = true)
    {
        var server = new TokenEndpointServer(CreateServerCertificate());
        server._server = await LoopbackServer.StartAsync(server.HandleAsync, https ? server.Certificate : null);
        return server;
    }

    /// <summary>Responds to the next requests with these status codes, in order, and then succeeds again.</summary>
    public void QueueFailures(params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            _failures.Enqueue(statusCode);
        }
    }

    /// <summary>
    /// Routes the connector token client to this server's certificate and rejects any request
    /// to a host other than loopback, so a test can never reach Microsoft.
    /// </summary>
    public void ConfigureClient(IServiceCollection services, List<Uri> sentRequests)
    {
        var thumbprint = Certificate.GetCertHashString();
        services.AddHttpClient(ConnectorTokenProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions =
                {
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                        certificate is not null && string.Equals(certificate.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase),
                },
            })
            .AddHttpMessageHandler(() => new LoopbackOnlyHandler(sentRequests));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Certificate.Dispose();
    }

    private static X509Certificate2 CreateServerCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.ToString())
            : [];
        var headers = context.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, form, query, headers));

        context.Response.ContentType = "application/json";
        if (_failures.TryDequeue(out var statusCode))
        {
            context.Response.StatusCode = statusCode;
            await context.Response.WriteAsync(ErrorBody ?? """{"error":"temporarily_unavailable","error_description":"Try again."}""");
            return;
        }

        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var body = context.Request.Path.StartsWithSegments("/msi")
            ? JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["access_token"] = "managed-identity-token",
                ["expires_on"] = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = query.GetValueOrDefault("resource") ?? string.Empty,
                ["token_type"] = "Bearer",
            })
            : JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = "connector-token-" + _requests.Count,
            });
        await context.Response.WriteAsync(body);
    }

    internal sealed record RecordedRequest(
        string Method,
        string Path,
        Dictionary<string, string> Form,
        Dictionary<string, string> Query,
        Dictionary<string, string> Headers);

    private sealed class LoopbackOnlyHandler(List<Uri> sentRequests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            lock (sentRequests)
            {
                sentRequests.Add(uri);
            }

            var isLoopback = IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address);
            if (!isLoopback)
            {
                throw new InvalidOperationException($"Blocked a request to {uri.Host}: tests only call loopback servers.");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
