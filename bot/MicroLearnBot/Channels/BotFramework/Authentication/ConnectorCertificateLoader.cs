using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Loads the app registration's certificate from a .pfx file or from a certificate store.
/// </summary>
internal static class ConnectorCertificateLoader
{
    /// <summary>
    /// Loads the certificate named by <c>MicrosoftAppCertificatePath</c> or <c>MicrosoftAppCertificateThumbprint</c>.
    /// </summary>
    /// <exception cref="InvalidSettingsException">The certificate was not found, cannot be read or has no private key.</exception>
    public static X509Certificate2 Load(BotFrameworkAuthenticationOptions options)
    {
        X509Certificate2 certificate;
        string source;
        if (options.MicrosoftAppCertificatePath is { } path)
        {
            source = $"MicrosoftAppCertificatePath '{path}'";
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.MicrosoftAppCertificatePassword);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new InvalidSettingsException(
                    $"The certificate from {source} cannot be read ({exception.Message}). Point it at a readable .pfx file and check MicrosoftAppCertificatePassword.",
                    exception);
            }
        }
        else
        {
            var thumbprint = options.MicrosoftAppCertificateThumbprint!;
            certificate = FindInStore(StoreLocation.CurrentUser, thumbprint)
                ?? FindInStore(StoreLocation.LocalMachine, thumbprint)
                ?? throw new InvalidSettingsException(
                    $"No certificate with thumbprint {thumbprint} was found in the My store of the current user or the local machine. Import it there or set MicrosoftAppCertificatePath.");
            source = $"MicrosoftAppCertificateThumbprint {thumbprint}";
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidSettingsException($"The certificate from {source} has no private key. Provide a certificate with its private key.");
        }

        return certificate;
    }

    private static X509Certificate2? FindInStore(StoreLocation location, string thumbprint)
    {
        using var store = new X509Store(StoreName.My, location);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException)
        {
            // The store does not exist on this machine, which is common on Linux.
            return null;
        }

        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
        return found.Count > 0 ? found[0] : null;
    }
}
