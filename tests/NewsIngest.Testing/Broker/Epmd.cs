using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsIngest.Testing;

/// <summary>
/// The Erlang port mapper every node registers with. It outlives the nodes, so we start it ourselves
/// (bound to loopback) before a node would start it inside its own process group, and we ask it to stop
/// once our node is gone; epmd refuses while any node is still registered, so other nodes are safe.
/// </summary>
internal static class Epmd
{
    private const int Port = 4369;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<bool> EnsureRunningAsync(string executable, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (await IsListeningAsync(cancellationToken))
            {
                return false;
            }

            var startInfo = new ProcessStartInfo(executable) { UseShellExecute = false, ArgumentList = { "-daemon" } };
            startInfo.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
            using (var launcher = Process.Start(startInfo)
                ?? throw new InvalidOperationException($"Could not start '{executable} -daemon'."))
            {
                await launcher.WaitForExitAsync(cancellationToken);
            }

            await Eventually.UntilAsync(
                () => IsListeningAsync(cancellationToken),
                TimeSpan.FromSeconds(10),
                $"epmd ({executable} -daemon) should listen on 127.0.0.1:{Port}",
                cancellationToken);
            return true;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopIfIdleAsync(string executable)
    {
        // "epmd -kill" is refused while any node is registered, so this never pulls epmd from under another node.
        await ExternalCommand.RunAsync(executable, ["-kill"], null, TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    private static async Task<bool> IsListeningAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
