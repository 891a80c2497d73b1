using Microsoft.Extensions.Options;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Rejects setting combinations that would leave the bot unable to authenticate, or
/// authenticating less than intended. Each message names the setting and what to set.
/// Messages never contain secret values.
/// </summary>
internal sealed class BotFrameworkAuthenticationOptionsValidator : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options)
    {
        var failures = new List<string>();

        if (!BotFrameworkAuthenticationOptionsDefaults.TryParseAppType(options.MicrosoftAppType, out _))
        {
            failures.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is invalid. Set MultiTenant, SingleTenant or UserAssignedMSI.");
        }

        if (options.ChannelService is not null && !BotFrameworkEndpoints.IsGovernment(options.ChannelService))
        {
            failures.Add(
                $"ChannelService '{options.ChannelService}' is not supported. Leave it empty for the public cloud "
                + $"or set {BotFrameworkEndpoints.GovernmentChannelService} for Azure US Government.");
        }

        if (options.IsLocalMode)
        {
            ValidateLocalMode(options, failures);
        }
        else
        {
            ValidateCredentials(options, failures);
        }

        ValidateEndpoints(options, failures);
        ValidateTrustedServiceHosts(options, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Credentials without an app id usually mean a misspelt or missing MicrosoftAppId. Running
    // unauthenticated in that case would be a silent downgrade, so start-up stops.
    private static void ValidateLocalMode(BotFrameworkAuthenticationOptions options, List<string> failures)
    {
        if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty. Set MicrosoftAppId, or remove MicrosoftAppPassword to run in local mode.");
        }

        if (options.MicrosoftAppCertificatePath is not null || options.MicrosoftAppCertificateThumbprint is not null)
        {
            failures.Add("A certificate is set but MicrosoftAppId is empty. Set MicrosoftAppId, or remove MicrosoftAppCertificatePath and MicrosoftAppCertificateThumbprint to run in local mode.");
        }

        if (options.AppType != BotAppType.MultiTenant)
        {
            failures.Add($"MicrosoftAppType is {options.MicrosoftAppType} but MicrosoftAppId is empty. Set MicrosoftAppId, or remove MicrosoftAppType to run in local mode.");
        }
    }

    private static void ValidateCredentials(BotFrameworkAuthenticationOptions options, List<string> failures)
    {
        var hasPassword = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        var hasCertificatePath = options.MicrosoftAppCertificatePath is not null;
        var hasThumbprint = options.MicrosoftAppCertificateThumbprint is not null;
        var hasCertificate = hasCertificatePath || hasThumbprint;

        if (options.AppType == BotAppType.UserAssignedMsi)
        {
            if (hasPassword)
            {
                failures.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI, because the managed identity has no secret. Remove MicrosoftAppPassword.");
            }

            if (hasCertificate)
            {
                failures.Add("MicrosoftAppCertificatePath and MicrosoftAppCertificateThumbprint must be empty when MicrosoftAppType is UserAssignedMSI. Remove them.");
            }

            if (options.MicrosoftAppTenantId is null)
            {
                failures.Add("MicrosoftAppTenantId is missing. Set it to the tenant of the user-assigned managed identity.");
            }

            return;
        }

        if (options.AppType == BotAppType.SingleTenant && options.MicrosoftAppTenantId is null)
        {
            failures.Add("MicrosoftAppTenantId is missing. Set it to the tenant of the app registration when MicrosoftAppType is SingleTenant.");
        }

        // An app id without a credential still validates inbound tokens. The token provider warns at start-up that
        // replies cannot be authenticated, so an operator can check inbound validation before the secret exists.

        if (hasPassword && hasCertificate)
        {
            failures.Add("Both MicrosoftAppPassword and a certificate are set. Keep only one of them.");
        }

        if (hasCertificatePath && hasThumbprint)
        {
            failures.Add("Both MicrosoftAppCertificatePath and MicrosoftAppCertificateThumbprint are set. Keep only one of them.");
        }

        if (hasCertificatePath && !File.Exists(options.MicrosoftAppCertificatePath))
        {
            failures.Add($"MicrosoftAppCertificatePath '{options.MicrosoftAppCertificatePath}' was not found. Set the path of a readable .pfx file.");
        }
    }

    private static void ValidateEndpoints(BotFrameworkAuthenticationOptions options, List<string> failures)
    {
        var metadataUrl = options.ToBotFromChannelOpenIdMetadataUrl;
        if (!Uri.TryCreate(metadataUrl, UriKind.Absolute, out var metadataUri)
            || !(metadataUri.Scheme == Uri.UriSchemeHttps || (metadataUri.Scheme == Uri.UriSchemeHttp && Loopback.IsLoopback(metadataUri))))
        {
            failures.Add(
                $"ToBotFromChannelOpenIdMetadataUrl '{metadataUrl}' is invalid. Set an absolute https URL, "
                + "or remove it to use the default. Plain http is accepted only for a loopback host.");
        }

        if (!Uri.TryCreate(options.ToBotFromChannelTokenIssuer, UriKind.Absolute, out _))
        {
            failures.Add($"ToBotFromChannelTokenIssuer '{options.ToBotFromChannelTokenIssuer}' is invalid. Set an absolute URL, or remove it to use the default.");
        }

        if (!Uri.TryCreate(options.ToChannelFromBotOAuthScope, UriKind.Absolute, out _))
        {
            failures.Add($"ToChannelFromBotOAuthScope '{options.ToChannelFromBotOAuthScope}' is invalid. Set an absolute URL without /.default, or remove it to use the default.");
        }

        // A missing login URL for SingleTenant is already reported as a missing tenant id.
        var loginUrl = options.ToChannelFromBotLoginUrl;
        if (loginUrl is not null
            && (!Uri.TryCreate(loginUrl, UriKind.Absolute, out var loginUri) || loginUri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"ToChannelFromBotLoginUrl '{loginUrl}' is invalid. Set an absolute https URL, or remove it to use the default.");
        }
    }

    private static void ValidateTrustedServiceHosts(BotFrameworkAuthenticationOptions options, List<string> failures)
    {
        foreach (var host in options.TrustedServiceHosts)
        {
            if (Uri.CheckHostName(host) != UriHostNameType.Dns)
            {
                failures.Add($"BotFramework:TrustedServiceHosts entry '{host}' is invalid. Set a DNS host name only, without scheme, port or path.");
            }
        }
    }
}
