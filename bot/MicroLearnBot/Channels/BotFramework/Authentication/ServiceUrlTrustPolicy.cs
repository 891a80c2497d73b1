using Microsoft.Extensions.Options;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Trust rules for service URLs: loopback only in local mode; otherwise a URL signed into an
/// authenticated activity, or https on a host from <c>BotFramework:TrustedServiceHosts</c>.
/// </summary>
internal sealed class ServiceUrlTrustPolicy : IServiceUrlTrustPolicy
{
    private readonly bool _isLocalMode;
    private readonly HashSet<string> _trustedHosts;

    public ServiceUrlTrustPolicy(IOptions<BotFrameworkAuthenticationOptions> options)
    {
        var value = options.Value;
        _isLocalMode = value.IsLocalMode;
        _trustedHosts = new HashSet<string>(value.TrustedServiceHosts, StringComparer.OrdinalIgnoreCase);
    }

    public bool MayReceiveToken(Uri serviceUrl, bool cameFromAuthenticatedActivity)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return !_isLocalMode && IsTrusted(serviceUrl, cameFromAuthenticatedActivity);
    }

    public bool MaySend(Uri serviceUrl, bool cameFromAuthenticatedActivity)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);

        if (_isLocalMode)
        {
            return IsWellFormed(serviceUrl) && Loopback.IsLoopback(serviceUrl);
        }

        return IsTrusted(serviceUrl, cameFromAuthenticatedActivity);
    }

    private bool IsTrusted(Uri serviceUrl, bool cameFromAuthenticatedActivity)
    {
        if (!IsWellFormed(serviceUrl))
        {
            return false;
        }

        var isLoopback = Loopback.IsLoopback(serviceUrl);
        if (serviceUrl.Scheme == Uri.UriSchemeHttp && !isLoopback)
        {
            return false;
        }

        if (cameFromAuthenticatedActivity)
        {
            return true;
        }

        // The allowlist names public connector hosts, which listen on the default https port only.
        return serviceUrl.Scheme == Uri.UriSchemeHttps
            && serviceUrl.IsDefaultPort
            && _trustedHosts.Contains(serviceUrl.IdnHost);
    }

    // User info in a service URL would end up in the request line or in logs, and no connector uses it.
    private static bool IsWellFormed(Uri serviceUrl) =>
        serviceUrl.IsAbsoluteUri
        && (serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(serviceUrl.UserInfo);
}
