using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Obtains Bot Connector tokens with MSAL: the client credentials grant for MultiTenant and
/// SingleTenant bots, or the user-assigned managed identity for UserAssignedMSI bots.
/// </summary>
/// <remarks>
/// One MSAL application lives as long as this singleton, so MSAL's in-memory token cache
/// returns a cached token until shortly before it expires. Nothing else caches tokens.
/// </remarks>
internal sealed class ConnectorTokenProvider : IConnectorTokenProvider
{
    public const string HttpClientName = "MicroLearnBot.BotFramework.Msal";

    // MSAL already retries a 5xx once on its own. These retries cover longer outages and
    // throttling, bounded so a turn does not wait past the channel's 15-second limit for long.
    internal const int MaxRetries = 2;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly Func<CancellationToken, Task<AuthenticationResult>>? _acquireToken;
    private readonly string _tokenSource;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConnectorTokenProvider> _logger;

    public ConnectorTokenProvider(
        IOptions<BotFrameworkAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<ConnectorTokenProvider> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;

        var value = options.Value;
        if (value.IsLocalMode)
        {
            _tokenSource = "none";
            return;
        }

        var msalHttpClientFactory = new MsalHttpClientFactory(httpClientFactory);
        var resource = value.ToChannelFromBotOAuthScope!.TrimEnd('/');
        var appId = value.MicrosoftAppId!;

        if (value.AppType == BotAppType.UserAssignedMsi)
        {
            var application = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(appId))
                .WithHttpClientFactory(msalHttpClientFactory)
                .Build();
            _tokenSource = "managed identity";
            _acquireToken = cancellationToken => application
                .AcquireTokenForManagedIdentity(resource)
                .ExecuteAsync(cancellationToken);
            _logger.ConnectorCredentialConfigured("a user-assigned managed identity", appId, "the managed identity endpoint");
            return;
        }

        var builder = ConfidentialClientApplicationBuilder
            .Create(appId)
            .WithAuthority(value.ToChannelFromBotLoginUrl!)
            .WithHttpClientFactory(msalHttpClientFactory);

        // Instance discovery sends the authority's host to login.microsoftonline.com for validation.
        // A loopback authority is a local test server that the discovery service cannot validate.
        if (Loopback.IsLoopback(new Uri(value.ToChannelFromBotLoginUrl!)))
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        if (string.IsNullOrEmpty(value.MicrosoftAppPassword) &&
            string.IsNullOrEmpty(value.MicrosoftAppCertificatePath) &&
            string.IsNullOrEmpty(value.MicrosoftAppCertificateThumbprint))
        {
            _tokenSource = value.ToChannelFromBotLoginUrl!;
            _acquireToken = _ => throw new InvalidOperationException(
                "No client credential is set for MicrosoftAppId, so replies cannot be authenticated. Set MicrosoftAppPassword, MicrosoftAppCertificatePath or MicrosoftAppCertificateThumbprint.");
            _logger.ConnectorCredentialMissing(appId);
            return;
        }

        string credentialKind;
        if (!string.IsNullOrEmpty(value.MicrosoftAppPassword))
        {
            builder = builder.WithClientSecret(value.MicrosoftAppPassword);
            credentialKind = "a client secret";
        }
        else
        {
            builder = builder.WithCertificate(ConnectorCertificateLoader.Load(value), value.MicrosoftAppCertificateSendX5c);
            credentialKind = "a certificate";
        }

        var confidentialClient = builder.Build();
        string[] scopes = [resource + "/.default"];
        _tokenSource = value.ToChannelFromBotLoginUrl!;
        _acquireToken = cancellationToken => confidentialClient
            .AcquireTokenForClient(scopes)
            .ExecuteAsync(cancellationToken);
        _logger.ConnectorCredentialConfigured(credentialKind, appId, value.ToChannelFromBotLoginUrl!);
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_acquireToken is null)
        {
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await _acquireToken(cancellationToken).ConfigureAwait(false);
                _logger.ConnectorTokenAcquired(_tokenSource, result.ExpiresOn);
                return result.AccessToken;
            }
            catch (MsalException exception) when (exception.IsRetryable && attempt <= MaxRetries)
            {
                var delay = RetryDelay(exception, attempt);
                _logger.ConnectorTokenRetrying(
                    exception,
                    exception.ErrorCode,
                    StatusCode(exception),
                    CorrelationId(exception),
                    attempt,
                    MaxRetries,
                    delay);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (MsalException exception)
            {
                _logger.ConnectorTokenFailed(exception, exception.ErrorCode, StatusCode(exception), CorrelationId(exception));
                throw;
            }
        }
    }

    // Retry-After from Entra wins; otherwise the delay doubles from one second.
    private static TimeSpan RetryDelay(MsalException exception, int attempt)
    {
        var delay = FirstRetryDelay * Math.Pow(2, attempt - 1);
        if (exception is MsalServiceException { Headers.RetryAfter: { } retryAfter })
        {
            delay = retryAfter.Delta ?? delay;
        }

        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    private static int StatusCode(MsalException exception) =>
        exception is MsalServiceException serviceException ? serviceException.StatusCode : 0;

    private static string? CorrelationId(MsalException exception) =>
        exception is MsalServiceException serviceException ? serviceException.CorrelationId : null;
}
