using System.Net;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// Loopback tests for remote addresses and URLs.
/// </summary>
internal static class Loopback
{
    /// <summary>
    /// Returns whether the address is in 127.0.0.0/8, is ::1, or is an IPv4-mapped IPv6 form of 127.0.0.0/8.
    /// </summary>
    public static bool IsLoopback(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// Returns whether the URL's host is <c>localhost</c> or a loopback IP literal.
    /// </summary>
    /// <remarks>
    /// Only the literal name <c>localhost</c> counts, without a DNS lookup, because other names
    /// could resolve elsewhere.
    /// </remarks>
    public static bool IsLoopback(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        if (string.Equals(url.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(url.IdnHost, out var address) && IsLoopback(address);
    }
}
