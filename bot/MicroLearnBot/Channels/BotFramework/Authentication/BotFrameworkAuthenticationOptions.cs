using Microsoft.Extensions.Configuration;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Credentials and endpoints for the Bot Framework protocol, bound from the root of the
/// configuration with the key names that the Bot Framework SDK uses, so an existing
/// Azure Bot deployment can keep its settings.
/// </summary>
/// <remarks>
/// Endpoint properties left empty are filled in after binding: the public cloud values, or the
/// US Government values when <see cref="ChannelService"/> is <c>https://botframework.azure.us</c>.
/// Invalid combinations stop start-up with a message that names the setting to change.
/// </remarks>
public sealed class BotFrameworkAuthenticationOptions
{
    /// <summary>
    /// Application (client) id of the bot's Entra app registration, or the client id of the
    /// user-assigned managed identity. Empty means local mode: only loopback requests without
    /// an <c>Authorization</c> header are accepted and only loopback service URLs are called.
    /// </summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>
    /// Client secret of the app registration. Not allowed with <c>UserAssignedMSI</c> or with a certificate.
    /// </summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>
    /// <c>MultiTenant</c> (the default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>, compared
    /// case-insensitively. Parsed into <see cref="AppType"/>.
    /// </summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>
    /// Entra tenant id (GUID or domain). Required for <c>SingleTenant</c> and <c>UserAssignedMSI</c>.
    /// </summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// Path to a PKCS#12 (.pfx) file that contains the app registration's certificate and private
    /// key, used in place of <see cref="MicrosoftAppPassword"/>.
    /// </summary>
    public string? MicrosoftAppCertificatePath { get; set; }

    /// <summary>
    /// Password of the file in <see cref="MicrosoftAppCertificatePath"/>, if it has one.
    /// </summary>
    public string? MicrosoftAppCertificatePassword { get; set; }

    /// <summary>
    /// SHA-1 thumbprint of a certificate with a private key in the <c>My</c> store of the current
    /// user or, failing that, of the local machine. An alternative to <see cref="MicrosoftAppCertificatePath"/>.
    /// </summary>
    public string? MicrosoftAppCertificateThumbprint { get; set; }

    /// <summary>
    /// Sends the certificate chain (<c>x5c</c>) with each token request, which Entra requires for
    /// subject name and issuer authentication. Default <c>false</c>.
    /// </summary>
    public bool MicrosoftAppCertificateSendX5c { get; set; }

    /// <summary>
    /// Empty for the public cloud, or <c>https://botframework.azure.us</c> to switch the endpoint
    /// defaults to Azure US Government. Other values are rejected.
    /// </summary>
    public string? ChannelService { get; set; }

    /// <summary>
    /// OpenID metadata document whose <c>jwks_uri</c> lists the keys that sign channel tokens.
    /// Default <c>https://login.botframework.com/v1/.well-known/openidconfiguration</c>. Must be
    /// https, except that http is accepted for a loopback host so tests can serve their own keys.
    /// </summary>
    public string? ToBotFromChannelOpenIdMetadataUrl { get; set; }

    /// <summary>
    /// Required <c>iss</c> of channel tokens. Default <c>https://api.botframework.com</c>.
    /// </summary>
    public string? ToBotFromChannelTokenIssuer { get; set; }

    /// <summary>
    /// Entra authority for outbound tokens. Default <c>https://login.microsoftonline.com/botframework.com</c>
    /// for <c>MultiTenant</c>, and <c>https://login.microsoftonline.com/{MicrosoftAppTenantId}</c> otherwise.
    /// </summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>
    /// Resource of outbound tokens, without <c>/.default</c>. Default <c>https://api.botframework.com</c>.
    /// </summary>
    public string? ToChannelFromBotOAuthScope { get; set; }

    /// <summary>
    /// Hosts that may receive the bot's token although no authenticated activity named them,
    /// read from <c>BotFramework:TrustedServiceHosts</c>. Setting the list replaces the defaults:
    /// the Teams hosts of the public cloud, GCC, GCC High and DoD.
    /// </summary>
    [ConfigurationKeyName("BotFramework:TrustedServiceHosts")]
    public string[] TrustedServiceHosts { get; set; } = [];

    /// <summary>
    /// Parsed <see cref="MicrosoftAppType"/>, set after binding.
    /// </summary>
    public BotAppType AppType { get; internal set; }

    /// <summary>
    /// Whether no app id is configured, so channel requests are not authenticated and the bot
    /// sends no token.
    /// </summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
