using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Builds channel tokens shaped like those of the Bot Connector, with one property changed per test.
/// </summary>
internal sealed record ChannelTokenSpec
{
    public string? Issuer { get; init; } = ChannelTokens.Issuer;

    public string? Audience { get; init; } = ChannelTokens.AppId;

    public string? ServiceUrlClaim { get; init; } = ChannelTokens.ServiceUrl;

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;
}

internal static class ChannelTokens
{
    public const string AppId = "6f0c1d2e-0000-4000-8000-00000000b07a";
    public const string Issuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// Signs a token with the RSA key. Lifetime defaults to five minutes before <paramref name="now"/> until one hour after.
    /// </summary>
    public static string Create(TestSigningKey key, DateTimeOffset now, ChannelTokenSpec? spec = null)
    {
        spec ??= new ChannelTokenSpec();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = (spec.NotBefore ?? now.AddMinutes(-5)).UtcDateTime,
            Expires = (spec.Expires ?? now.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.SecurityKey, spec.Algorithm),
            Claims = new Dictionary<string, object>(),
        };
        if (spec.ServiceUrlClaim is not null)
        {
            descriptor.Claims["serviceurl"] = spec.ServiceUrlClaim;
        }

        return Handler.CreateToken(descriptor);
    }

    /// <summary>
    /// Builds an unsigned token with <c>alg</c> set to <c>none</c> and otherwise valid claims.
    /// </summary>
    public static string CreateUnsigned(string keyId, DateTimeOffset now)
    {
        var header = new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId };
        return Encode(header) + "." + Encode(ValidPayload(now)) + ".";
    }

    /// <summary>
    /// Builds an HS256 token whose HMAC key is the RSA public key's bytes, the classic algorithm
    /// confusion attack on verifiers that take the algorithm from the token.
    /// </summary>
    public static string CreateHmacWithPublicKey(TestSigningKey key, DateTimeOffset now)
    {
        var publicKeyBytes = key.Rsa.ExportSubjectPublicKeyInfo();
        var hmacKey = new SymmetricSecurityKey(publicKeyBytes) { KeyId = key.KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            NotBefore = now.AddMinutes(-5).UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            SigningCredentials = new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        };
        return Handler.CreateToken(descriptor);
    }

    private static Dictionary<string, object> ValidPayload(DateTimeOffset now) => new()
    {
        ["iss"] = Issuer,
        ["aud"] = AppId,
        ["serviceurl"] = ServiceUrl,
        ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
    };

    private static string Encode(Dictionary<string, object> value) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
