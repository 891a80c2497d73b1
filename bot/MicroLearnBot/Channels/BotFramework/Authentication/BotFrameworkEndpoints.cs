namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Endpoint defaults of the Bot Framework SDK (botbuilder-dotnet <c>AuthenticationConstants</c> and
/// <c>GovernmentAuthenticationConstants</c>) for the public cloud and Azure US Government.
/// </summary>
internal static class BotFrameworkEndpoints
{
    public const string PublicOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string PublicTokenIssuer = "https://api.botframework.com";
    public const string PublicOAuthScope = "https://api.botframework.com";
    public const string PublicLoginHost = "https://login.microsoftonline.com";
    public const string PublicMultiTenantLoginUrl = "https://login.microsoftonline.com/botframework.com";

    public const string GovernmentChannelService = "https://botframework.azure.us";
    public const string GovernmentOpenIdMetadataUrl = "https://login.botframework.azure.us/v1/.well-known/openidconfiguration";
    public const string GovernmentTokenIssuer = "https://api.botframework.us";
    public const string GovernmentOAuthScope = "https://api.botframework.us";
    public const string GovernmentLoginHost = "https://login.microsoftonline.us";
    public const string GovernmentMultiTenantLoginUrl = "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us";

    /// <summary>
    /// Hosts of the Teams connector in the public cloud, GCC, GCC High and DoD.
    /// </summary>
    public static readonly string[] DefaultTrustedServiceHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    public static bool IsGovernment(string? channelService) =>
        string.Equals(channelService?.Trim().TrimEnd('/'), GovernmentChannelService, StringComparison.OrdinalIgnoreCase);
}
