using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Validates channel tokens with every check of the Bot Connector authentication spec, in the
/// order of the Bot Framework SDK's <c>JwtTokenExtractor</c>: scheme, issuer, signature and
/// algorithm, lifetime, audience, endorsement of the channel id, and the <c>serviceurl</c> claim.
/// In local mode it accepts loopback requests without a token instead.
/// </summary>
internal sealed class ChannelRequestAuthenticator : IChannelRequestAuthenticator
{
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string BearerScheme = "Bearer";
    private const string ServiceUrlClaim = "serviceurl";
    private const int MaxLoggedValueLength = 128;

    // Bot Framework signs with RS256. The SDK also allows RS384 and RS512. Listing only RSA
    // algorithms rejects "none" and HMAC tokens, including those keyed with a public key's bytes.
    private static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256,
        SecurityAlgorithms.RsaSha384,
        SecurityAlgorithms.RsaSha512,
    ];

    private readonly JsonWebTokenHandler _tokenHandler = new() { MapInboundClaims = false };
    private readonly ChannelSigningKeyCache _keyCache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ChannelRequestAuthenticator> _logger;
    private readonly bool _isLocalMode;
    private readonly string _appId;
    private readonly string _issuer;

    public ChannelRequestAuthenticator(
        IOptions<BotFrameworkAuthenticationOptions> options,
        ChannelSigningKeyCache keyCache,
        TimeProvider timeProvider,
        ILogger<ChannelRequestAuthenticator> logger)
    {
        var value = options.Value;
        _keyCache = keyCache;
        _timeProvider = timeProvider;
        _logger = logger;
        _isLocalMode = value.IsLocalMode;
        _appId = value.MicrosoftAppId ?? string.Empty;
        _issuer = value.ToBotFromChannelTokenIssuer!;

        if (_isLocalMode)
        {
            _logger.LocalModeEnabled();
        }
    }

    public Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        IPAddress? remoteAddress,
        string channelId,
        string serviceUrl,
        CancellationToken cancellationToken)
    {
        if (_isLocalMode)
        {
            return Task.FromResult(AuthenticateLocal(authorizationHeader, remoteAddress, channelId));
        }

        return AuthenticateTokenAsync(authorizationHeader, channelId, serviceUrl, cancellationToken);
    }

    // Without an app id there is no audience to check a token against, so a request that
    // carries one is rejected rather than accepted unchecked. A client configured with
    // credentials then fails visibly until MicrosoftAppId is set.
    private ChannelAuthenticationResult AuthenticateLocal(string? authorizationHeader, IPAddress? remoteAddress, string channelId)
    {
        ChannelAuthenticationFailure failure;
        if (!Loopback.IsLoopback(remoteAddress))
        {
            failure = ChannelAuthenticationFailure.NotLoopback;
        }
        else if (!string.IsNullOrEmpty(authorizationHeader))
        {
            failure = ChannelAuthenticationFailure.AuthorizationHeaderInLocalMode;
        }
        else
        {
            return ChannelAuthenticationResult.Local();
        }

        _logger.LocalRequestRejected(failure, remoteAddress?.ToString(), Truncate(channelId));
        return ChannelAuthenticationResult.Failed(failure);
    }

    private async Task<ChannelAuthenticationResult> AuthenticateTokenAsync(
        string? authorizationHeader,
        string channelId,
        string serviceUrl,
        CancellationToken cancellationToken)
    {
        var context = new RejectionContext(channelId, serviceUrl);

        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return Reject(ChannelAuthenticationFailure.MissingAuthorizationHeader, context);
        }

        // HTTP auth schemes are case-insensitive (RFC 9110, section 11.1), the rest is one token.
        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2
            || !string.Equals(parts[0], BearerScheme, StringComparison.OrdinalIgnoreCase)
            || parts[1].Length == 0)
        {
            return Reject(ChannelAuthenticationFailure.InvalidAuthorizationHeader, context);
        }

        var token = ReadToken(parts[1]);
        if (token is null)
        {
            return Reject(ChannelAuthenticationFailure.MalformedToken, context);
        }

        context.KeyId = token.Kid;
        context.TokenAudience = token.Audiences.FirstOrDefault();

        // Endorsements are looked up by key id, so a token without one cannot pass.
        if (string.IsNullOrEmpty(token.Kid))
        {
            return Reject(ChannelAuthenticationFailure.MalformedToken, context);
        }

        // Checked before any key is fetched, as the SDK does, so foreign tokens cost no request.
        if (!string.Equals(token.Issuer, _issuer, StringComparison.Ordinal))
        {
            return Reject(ChannelAuthenticationFailure.InvalidIssuer, context);
        }

        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return Reject(ChannelAuthenticationFailure.InvalidAlgorithm, context);
        }

        ChannelSigningKeys keys;
        IReadOnlyList<SecurityKey> signingKeys;
        try
        {
            keys = await _keyCache.GetAsync(cancellationToken).ConfigureAwait(false);
            if (!keys.TryGetKeys(token.Kid, out signingKeys))
            {
                keys = await _keyCache.RefreshForUnknownKeyAsync(keys, token.Kid, cancellationToken).ConfigureAwait(false);
                if (!keys.TryGetKeys(token.Kid, out signingKeys))
                {
                    return Reject(ChannelAuthenticationFailure.SigningKeyNotFound, context);
                }
            }
        }
        catch (SigningKeysUnavailableException)
        {
            // The cache has logged the fetch failure with its exception.
            return Reject(ChannelAuthenticationFailure.SigningKeysUnavailable, context);
        }

        var validation = await _tokenHandler.ValidateTokenAsync(token, CreateValidationParameters(signingKeys)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return Reject(ClassifyValidationFailure(validation.Exception), context);
        }

        var lifetimeFailure = CheckLifetime(token);
        if (lifetimeFailure != ChannelAuthenticationFailure.None)
        {
            return Reject(lifetimeFailure, context);
        }

        if (!keys.IsEndorsed(token.Kid, channelId))
        {
            return Reject(ChannelAuthenticationFailure.ChannelNotEndorsed, context);
        }

        if (!token.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrlClaim) || string.IsNullOrEmpty(serviceUrlClaim))
        {
            return Reject(ChannelAuthenticationFailure.MissingServiceUrlClaim, context);
        }

        if (!string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Reject(ChannelAuthenticationFailure.ServiceUrlMismatch, context);
        }

        _logger.ChannelRequestAuthenticated(Truncate(channelId)!, context.ServiceUrlHost, Truncate(token.Kid)!);
        return ChannelAuthenticationResult.Authenticated(validation.ClaimsIdentity, _appId);
    }

    private TokenValidationParameters CreateValidationParameters(IReadOnlyList<SecurityKey> signingKeys) => new()
    {
        ValidIssuer = _issuer,
        ValidAudience = _appId,
        IssuerSigningKeys = signingKeys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,

        // TokenValidationParameters in IdentityModel 8.23 takes no public TimeProvider, so
        // CheckLifetime validates the lifetime against the injected clock instead.
        ValidateLifetime = false,
    };

    // exp is required and nbf optional, each with the 5-minute clock skew that the spec allows.
    private ChannelAuthenticationFailure CheckLifetime(JsonWebToken token)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        // IdentityModel returns DateTime.MinValue for an absent claim.
        var hasExpiry = token.ValidTo != DateTime.MinValue;
        var hasNotBefore = token.ValidFrom != DateTime.MinValue;

        if (!hasExpiry || (hasNotBefore && token.ValidFrom > token.ValidTo))
        {
            return ChannelAuthenticationFailure.InvalidLifetime;
        }

        if (now > token.ValidTo + ClockSkew)
        {
            return ChannelAuthenticationFailure.Expired;
        }

        if (hasNotBefore && now < token.ValidFrom - ClockSkew)
        {
            return ChannelAuthenticationFailure.NotYetValid;
        }

        return ChannelAuthenticationFailure.None;
    }

    private JsonWebToken? ReadToken(string encodedToken)
    {
        if (!_tokenHandler.CanReadToken(encodedToken))
        {
            return null;
        }

        try
        {
            return _tokenHandler.ReadJsonWebToken(encodedToken);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (SecurityTokenException)
        {
            return null;
        }
    }

    // Subclasses come before their bases: key-not-found is an invalid-signature exception,
    // and expired and not-yet-valid are lifetime exceptions.
    private static ChannelAuthenticationFailure ClassifyValidationFailure(Exception? exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => ChannelAuthenticationFailure.SigningKeyNotFound,
        SecurityTokenInvalidAlgorithmException => ChannelAuthenticationFailure.InvalidAlgorithm,
        SecurityTokenInvalidSignatureException => ChannelAuthenticationFailure.InvalidSignature,
        SecurityTokenExpiredException => ChannelAuthenticationFailure.Expired,
        SecurityTokenNotYetValidException => ChannelAuthenticationFailure.NotYetValid,
        SecurityTokenNoExpirationException or SecurityTokenInvalidLifetimeException => ChannelAuthenticationFailure.InvalidLifetime,
        SecurityTokenInvalidAudienceException => ChannelAuthenticationFailure.InvalidAudience,
        SecurityTokenInvalidIssuerException => ChannelAuthenticationFailure.InvalidIssuer,
        SecurityTokenMalformedException => ChannelAuthenticationFailure.MalformedToken,
        _ => ChannelAuthenticationFailure.InvalidToken,
    };

    private ChannelAuthenticationResult Reject(ChannelAuthenticationFailure failure, RejectionContext context)
    {
        _logger.ChannelRequestRejected(
            failure,
            Truncate(context.ChannelId),
            context.ServiceUrlHost,
            Truncate(context.KeyId),
            Truncate(context.TokenAudience));
        return ChannelAuthenticationResult.Failed(failure);
    }

    // Ids in logs come from the request, so they are cut to a sane length.
    private static string? Truncate(string? value) =>
        value is { Length: > MaxLoggedValueLength } ? value[..MaxLoggedValueLength] : value;

    private sealed class RejectionContext(string channelId, string serviceUrl)
    {
        public string ChannelId { get; } = channelId;

        public string? ServiceUrlHost { get; } =
            Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) ? url.Host : null;

        public string? KeyId { get; set; }

        public string? TokenAudience { get; set; }
    }
}
