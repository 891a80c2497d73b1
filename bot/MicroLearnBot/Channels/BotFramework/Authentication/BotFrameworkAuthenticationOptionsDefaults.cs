using Microsoft.Extensions.Options;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Trims the bound values, parses the app type and fills in the endpoint defaults for the
/// public cloud or Azure US Government, so the validator and every consumer see effective values.
/// </summary>
internal sealed class BotFrameworkAuthenticationOptionsDefaults : IPostConfigureOptions<BotFrameworkAuthenticationOptions>
{
    public void PostConfigure(string? name, BotFrameworkAuthenticationOptions options)
    {
        options.MicrosoftAppId = TrimToNull(options.MicrosoftAppId);
        options.MicrosoftAppTenantId = TrimToNull(options.MicrosoftAppTenantId);
        options.MicrosoftAppCertificatePath = TrimToNull(options.MicrosoftAppCertificatePath);
        options.MicrosoftAppCertificateThumbprint = TrimToNull(options.MicrosoftAppCertificateThumbprint);
        options.ChannelService = TrimToNull(options.ChannelService);

        // An unparsable type stays MultiTenant here. The validator reports it, so resolving
        // the options fails before any consumer reads them.
        if (TryParseAppType(options.MicrosoftAppType, out var appType))
        {
            options.AppType = appType;
        }

        var government = BotFrameworkEndpoints.IsGovernment(options.ChannelService);

        options.ToBotFromChannelOpenIdMetadataUrl = TrimToNull(options.ToBotFromChannelOpenIdMetadataUrl)
            ?? (government ? BotFrameworkEndpoints.GovernmentOpenIdMetadataUrl : BotFrameworkEndpoints.PublicOpenIdMetadataUrl);
        options.ToBotFromChannelTokenIssuer = TrimToNull(options.ToBotFromChannelTokenIssuer)
            ?? (government ? BotFrameworkEndpoints.GovernmentTokenIssuer : BotFrameworkEndpoints.PublicTokenIssuer);
        options.ToChannelFromBotOAuthScope = TrimToNull(options.ToChannelFromBotOAuthScope)
            ?? (government ? BotFrameworkEndpoints.GovernmentOAuthScope : BotFrameworkEndpoints.PublicOAuthScope);
        options.ToChannelFromBotLoginUrl = TrimToNull(options.ToChannelFromBotLoginUrl)
            ?? DefaultLoginUrl(options.AppType, options.MicrosoftAppTenantId, government);

        if (options.TrustedServiceHosts.Length == 0)
        {
            options.TrustedServiceHosts = [.. BotFrameworkEndpoints.DefaultTrustedServiceHosts];
        }
        else
        {
            options.TrustedServiceHosts = [.. options.TrustedServiceHosts.Select(host => host.Trim())];
        }
    }

    /// <summary>
    /// Parses <c>MultiTenant</c>, <c>SingleTenant</c> or <c>UserAssignedMSI</c> case-insensitively.
    /// An empty value means <c>MultiTenant</c>, as in the Bot Framework SDK.
    /// </summary>
    internal static bool TryParseAppType(string? value, out BotAppType appType)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case null or "" or "MULTITENANT":
                appType = BotAppType.MultiTenant;
                return true;
            case "SINGLETENANT":
                appType = BotAppType.SingleTenant;
                return true;
            case "USERASSIGNEDMSI":
                appType = BotAppType.UserAssignedMsi;
                return true;
            default:
                appType = BotAppType.MultiTenant;
                return false;
        }
    }

    // Like the SDK, a MultiTenant bot always requests tokens from the botframework.com tenant, even when a tenant
    // id is set. The other types have no default without a tenant id, and the validator reports that.
    private static string? DefaultLoginUrl(BotAppType appType, string? tenantId, bool government)
    {
        if (appType == BotAppType.MultiTenant)
        {
            return government ? BotFrameworkEndpoints.GovernmentMultiTenantLoginUrl : BotFrameworkEndpoints.PublicMultiTenantLoginUrl;
        }

        if (tenantId is null)
        {
            return null;
        }

        var host = government ? BotFrameworkEndpoints.GovernmentLoginHost : BotFrameworkEndpoints.PublicLoginHost;
        return $"{host}/{Uri.EscapeDataString(tenantId)}";
    }

    private static string? TrimToNull(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
