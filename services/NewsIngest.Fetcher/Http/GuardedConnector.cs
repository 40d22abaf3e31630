using System.Net;
using System.Net.Sockets;

namespace NewsIngest.Fetcher.Http;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the feeds client: resolves the host, checks every
/// address (allow-listed host names included) against the <see cref="AddressPolicy"/> and connects only to a checked one, so a host cannot
/// resolve to a public address for the check and a private one for the connection.
/// </summary>
public sealed class GuardedConnector(AddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new BlockedAddressException($"{host} resolves to no address");
        }

        // An allow-listed host name is no waiver: every address it resolves to is checked (an allowed address or range passes).
        foreach (var address in addresses)
        {
            if (policy.Refusal(address) is { } reason)
            {
                throw new BlockedAddressException($"{host} resolves to {address} ({reason}); refused before connecting");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
