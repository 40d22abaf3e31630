using System.Net;
using System.Net.Sockets;

namespace NewsIngest.Fetcher.Http;

/// <summary>
/// Which addresses the fetcher may connect to: public unicast only, unless the operator allow-list names the
/// address or a range holding it. IPv6 addresses that carry an IPv4 address (mapped, compatible, NAT64, SIIT
/// <c>::ffff:0:a.b.c.d</c>) are judged as that IPv4 address; 6to4 (<c>2002::/16</c>) and Teredo (<c>2001::/32</c>)
/// tunnel addresses are refused outright, naming the IPv4 address they embed. A host name on the allow-list does not
/// waive the address checks: its resolved addresses are still checked unless the address itself is allowed.
/// </summary>
public sealed class AddressPolicy
{
    private static readonly (IPNetwork Network, string Reason)[] Blocked =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local (cloud metadata)"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "local-use NAT64"),
        (IPNetwork.Parse("2001::/32"), "Teredo tunnel"),
        (IPNetwork.Parse("2002::/16"), "6to4 tunnel"),
        (IPNetwork.Parse("fc00::/7"), "unique local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private readonly List<IPNetwork> _networks = [];

    public AddressPolicy(IEnumerable<string> allowList)
    {
        foreach (var entry in allowList.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                _networks.Add(network);
            }
            else if (IPAddress.TryParse(entry.Trim('[', ']'), out var address))
            {
                _networks.Add(new IPNetwork(Normalize(address), address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }

            // A host name entry waives nothing: the addresses it resolves to are judged like any other.
        }
    }

    /// <summary>True for an IP address, a CIDR range or something shaped like a DNS host name.</summary>
    public static bool IsValidEntry(string entry) =>
        IPNetwork.TryParse(entry, out _) || IPAddress.TryParse(entry.Trim('[', ']'), out _) || Uri.CheckHostName(entry) == UriHostNameType.Dns;

    /// <returns>Null when the address may be used, else why not (e.g. "private").</returns>
    public string? Refusal(IPAddress address)
    {
        var normalized = Normalize(address);
        if (_networks.Any(network => network.Contains(normalized)))
        {
            return null;
        }

        foreach (var (network, reason) in Blocked)
        {
            if (network.BaseAddress.AddressFamily == normalized.AddressFamily && network.Contains(normalized))
            {
                return TunnelledIPv4(normalized) is { } embedded ? $"{reason} embedding {embedded}" : reason;
            }
        }

        return normalized.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 ? null : "not an IP address";
    }

    private static IPAddress Normalize(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // ::a.b.c.d (IPv4-compatible, deprecated) and 64:ff9b::a.b.c.d (well-known NAT64) also carry an IPv4 address.
            var bytes = address.GetAddressBytes();
            var compatible = bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !IPAddress.IPv6Loopback.Equals(address) && !IPAddress.IPv6Any.Equals(address);
            var nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;

            // ::ffff:0:a.b.c.d (SIIT, IPv4-translated).
            var translated = bytes.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && bytes[8] == 0xff && bytes[9] == 0xff && bytes[10] == 0 && bytes[11] == 0;
            if (compatible || nat64 || translated)
            {
                return new IPAddress(bytes.AsSpan(12, 4));
            }
        }

        return address;
    }

    /// <summary>The IPv4 address a 6to4 (bytes 2–5) or Teredo (client: last 4 bytes inverted) address carries.</summary>
    private static IPAddress? TunnelledIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }

        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0)
        {
            Span<byte> client = stackalloc byte[4];
            for (var i = 0; i < 4; i++)
            {
                client[i] = (byte)~bytes[12 + i];
            }

            return new IPAddress(client);
        }

        return null;
    }
}
