using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Serves an OpenID metadata document and a JSON Web Key Set with Bot Framework
/// <c>endorsements</c> over plain http on loopback, and counts the fetches.
/// </summary>
internal sealed class SigningKeyServer : IAsyncDisposable
{
    public const string MetadataPath = "v1/.well-known/openidconfiguration";
    public const string KeySetPath = "v1/.well-known/keys";

    private readonly Lock _lock = new();
    private readonly List<TestSigningKey> _keys = [];
    private LoopbackServer? _server;
    private int _metadataFetches;
    private int _keySetFetches;

    public Uri MetadataUrl => new(_server!.BaseAddress, MetadataPath);

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    /// <summary>Makes every request fail with 500 while set.</summary>
    public bool Failing { get; set; }

    public static async Task<SigningKeyServer> StartAsync(params TestSigningKey[] keys)
    {
        var server = new SigningKeyServer();
        server._keys.AddRange(keys);
        server._server = await LoopbackServer.StartAsync(server.HandleAsync);
        return server;
    }

    public void AddKey(TestSigningKey key)
    {
        lock (_lock)
        {
            _keys.Add(key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Failing)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var path = context.Request.Path.Value?.TrimStart('/');
        string body;
        if (path == MetadataPath)
        {
            Interlocked.Increment(ref _metadataFetches);
            body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.example/v1/authorize",
                ["jwks_uri"] = new Uri(_server!.BaseAddress, KeySetPath).ToString(),
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        }
        else if (path == KeySetPath)
        {
            Interlocked.Increment(ref _keySetFetches);
            lock (_lock)
            {
                body = JsonSerializer.Serialize(new { keys = _keys.Select(key => key.ToJwk()).ToArray() });
            }
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}

/// <summary>
/// RSA key pair with a key id and the channel ids it endorses, created for one test.
/// </summary>
internal sealed class TestSigningKey
{
    public TestSigningKey(string keyId, params string[] endorsements)
        : this(keyId, (IReadOnlyList<string>?)endorsements)
    {
    }

    private TestSigningKey(string keyId, IReadOnlyList<string>? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        Rsa = RSA.Create(2048);
        SecurityKey = new RsaSecurityKey(Rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    /// <summary>Endorsed channel ids, or <c>null</c> for a key without an <c>endorsements</c> member.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    public RSA Rsa { get; }

    public RsaSecurityKey SecurityKey { get; }

    public static TestSigningKey WithoutEndorsements(string keyId) => new(keyId, (IReadOnlyList<string>?)null);

    public Dictionary<string, object> ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }
}
