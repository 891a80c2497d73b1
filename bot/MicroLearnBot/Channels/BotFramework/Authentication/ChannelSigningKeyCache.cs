using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Fetches and caches the channel's signing keys from the OpenID metadata's <c>jwks_uri</c>.
/// </summary>
/// <remarks>
/// The first request after the keys turn 12 hours old fetches them again, well within the
/// 24 hours that the Bot Connector authentication spec requires. A token that names an unknown
/// key id also triggers a fetch. Like
/// IdentityModel's <c>ConfigurationManager</c>, the first forced refresh always runs and later ones
/// at most every 5 minutes, and a failed refresh keeps the previous keys.
/// <para>
/// <c>ConfigurationManager</c> itself is not used because IdentityModel 8 refreshes in the
/// background once it has a configuration. A retry right after <c>RequestRefresh</c> would
/// still see the old keys and reject the first request signed with a rotated key. This cache
/// fetches while the caller waits and reads its clock from <see cref="TimeProvider"/>.
/// </para>
/// </remarks>
internal sealed class ChannelSigningKeyCache : IDisposable
{
    public const string HttpClientName = "MicroLearnBot.BotFramework.SigningKeys";

    internal static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);
    internal static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstFailureDelay = TimeSpan.FromSeconds(1);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ChannelSigningKeyCache> _logger;
    private readonly Uri _metadataUrl;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);

    // Keys and their refresh time change together, so readers outside the lock never see a
    // new key set with an old deadline.
    private volatile CachedKeys? _cached;
    private DateTimeOffset _lastAttempt;
    private bool _forcedRefreshUsed;
    private DateTimeOffset _nextAttemptAfterFailure;
    private TimeSpan _failureDelay = FirstFailureDelay;

    public ChannelSigningKeyCache(
        IHttpClientFactory httpClientFactory,
        IOptions<BotFrameworkAuthenticationOptions> options,
        TimeProvider timeProvider,
        ILogger<ChannelSigningKeyCache> logger)
    {
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _logger = logger;
        _metadataUrl = new Uri(options.Value.ToBotFromChannelOpenIdMetadataUrl!, UriKind.Absolute);
    }

    /// <summary>
    /// Returns the cached keys, fetching them first when none are cached or the refresh interval has passed.
    /// </summary>
    /// <exception cref="SigningKeysUnavailableException">No keys were ever fetched and this attempt failed or was deferred.</exception>
    public async Task<ChannelSigningKeys> GetAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && _timeProvider.GetUtcNow() < cached.RefreshAfter)
        {
            return cached.Keys;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _timeProvider.GetUtcNow();
            cached = _cached;
            if (cached is not null && now < cached.RefreshAfter)
            {
                return cached.Keys;
            }

            return await RefreshLockedAsync(now).ConfigureAwait(false);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>
    /// Fetches the keys again because a token named a key id that <paramref name="seen"/> lacks,
    /// unless another caller already replaced <paramref name="seen"/> or the rate limit applies.
    /// </summary>
    /// <returns>The newest keys, which may still be <paramref name="seen"/>.</returns>
    public async Task<ChannelSigningKeys> RefreshForUnknownKeyAsync(ChannelSigningKeys seen, string keyId, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _cached?.Keys ?? seen;
            if (!ReferenceEquals(current, seen))
            {
                return current;
            }

            var now = _timeProvider.GetUtcNow();
            var nextAllowed = _lastAttempt + MinimumRefreshInterval;
            if (_forcedRefreshUsed && now < nextAllowed)
            {
                _logger.SigningKeyRefreshRateLimited(keyId, nextAllowed);
                return current;
            }

            _forcedRefreshUsed = true;
            _logger.RefreshingForUnknownKeyId(keyId);
            return await RefreshLockedAsync(now).ConfigureAwait(false);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private async Task<ChannelSigningKeys> RefreshLockedAsync(DateTimeOffset now)
    {
        var previous = _cached?.Keys;
        if (previous is null && now < _nextAttemptAfterFailure)
        {
            throw new SigningKeysUnavailableException(
                $"Fetching the channel signing keys from {_metadataUrl} failed and is retried after {_nextAttemptAfterFailure:O}.");
        }

        _lastAttempt = now;
        try
        {
            // The fetch is shared by every waiting request, so no single caller's
            // cancellation stops it. The HTTP client's timeout bounds it.
            var keys = await FetchAsync(now, CancellationToken.None).ConfigureAwait(false);
            _cached = new CachedKeys(keys, now + AutomaticRefreshInterval);
            _failureDelay = FirstFailureDelay;
            _logger.SigningKeysRefreshed(keys.KeyIdCount, _metadataUrl);
            return keys;
        }
        catch (Exception exception) when (IsFetchFailure(exception))
        {
            if (previous is not null)
            {
                var retryAfter = now + MinimumRefreshInterval;
                _cached = new CachedKeys(previous, retryAfter);
                _logger.SigningKeysRefreshFailed(exception, _metadataUrl, previous.RetrievedAt, retryAfter);
                return previous;
            }

            _nextAttemptAfterFailure = now + _failureDelay;
            _failureDelay = TimeSpan.FromTicks(Math.Min(_failureDelay.Ticks * 2, MinimumRefreshInterval.Ticks));
            _logger.SigningKeysUnavailable(exception, _metadataUrl, _nextAttemptAfterFailure);
            throw new SigningKeysUnavailableException($"Fetching the channel signing keys from {_metadataUrl} failed.", exception);
        }
    }

    private async Task<ChannelSigningKeys> FetchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);

        var metadataJson = await client.GetStringAsync(_metadataUrl, cancellationToken).ConfigureAwait(false);
        var metadata = OpenIdConnectConfiguration.Create(metadataJson);

        if (!Uri.TryCreate(metadata.JwksUri, UriKind.Absolute, out var keySetUrl) || !IsAllowedKeySetUrl(keySetUrl))
        {
            throw new InvalidDataException(
                $"The OpenID metadata at {_metadataUrl} has a missing or invalid jwks_uri '{metadata.JwksUri}'. It must be https, or http on loopback when the metadata is.");
        }

        var keySetJson = await client.GetStringAsync(keySetUrl, cancellationToken).ConfigureAwait(false);
        return ChannelSigningKeys.Parse(keySetJson, now);
    }

    // The options validator allows plain http only for a loopback metadata URL. The key set
    // must then be on loopback too, so test settings cannot send a fetch elsewhere in clear text.
    private bool IsAllowedKeySetUrl(Uri keySetUrl) =>
        keySetUrl.Scheme == Uri.UriSchemeHttps
        || (keySetUrl.Scheme == Uri.UriSchemeHttp && _metadataUrl.Scheme == Uri.UriSchemeHttp && Loopback.IsLoopback(keySetUrl));

    private static bool IsFetchFailure(Exception exception) =>
        exception is HttpRequestException
            or TaskCanceledException
            or JsonException
            or InvalidDataException
            or ArgumentException;

    private sealed record CachedKeys(ChannelSigningKeys Keys, DateTimeOffset RefreshAfter);
}

/// <summary>
/// The channel signing keys could not be fetched and no earlier copy exists.
/// </summary>
internal sealed class SigningKeysUnavailableException : Exception
{
    public SigningKeysUnavailableException(string message)
        : base(message)
    {
    }

    public SigningKeysUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
