namespace NewsIngest.Testing;

/// <summary>
/// A throwaway RabbitMQ cluster on loopback: nodes started with one Erlang cookie, the others joined to the
/// first (<c>stop_app</c>, <c>join_cluster</c>, <c>start_app</c>). Quorum queues and streams declared on it
/// are replicated to every node. Boot takes a minute or more on a busy machine: one per test.
/// </summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    private static readonly TimeSpan NodeStartTimeout = TimeSpan.FromMinutes(3);

    private RabbitMqCluster(IReadOnlyList<RabbitMqNode> nodes) => Nodes = nodes;

    public IReadOnlyList<RabbitMqNode> Nodes { get; }

    /// <summary>The nodes as <c>Messaging:BrokerNodes</c> takes them: <c>host:port,host:port,…</c>.</summary>
    public string BrokerNodes => string.Join(',', Nodes.Select(node => $"{node.Host}:{node.Port}"));

    public static async Task<RabbitMqCluster> StartAsync(int size = 3, CancellationToken cancellationToken = default)
    {
        var cookie = Guid.NewGuid().ToString("N").ToUpperInvariant();
        var starts = Enumerable.Range(0, size).Select(_ => RabbitMqNode.StartAsync(NodeStartTimeout, cookie, cancellationToken)).ToList();
        try
        {
            var nodes = await Task.WhenAll(starts);
            var cluster = new RabbitMqCluster(nodes);
            foreach (var node in nodes.Skip(1))
            {
                await node.ControlAsync(["stop_app"], cancellationToken);
                await node.ControlAsync(["join_cluster", nodes[0].NodeName], cancellationToken);
                await node.ControlAsync(["start_app"], cancellationToken);
            }

            return cluster;
        }
        catch
        {
            foreach (var start in starts.Where(start => start.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Environment variables for a service: the credentials and virtual host through MassTransit's
    /// <c>RabbitMqTransport</c> section (first node), every node through <c>Messaging:BrokerNodes</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> TransportEnvironment(string virtualHost = "/") =>
        new Dictionary<string, string?>(Nodes[0].TransportEnvironment(virtualHost)) { ["Messaging__BrokerNodes"] = BrokerNodes };

    /// <summary>The node leading most of the quorum queues of <paramref name="virtualHost"/>, as a surviving node reports it.</summary>
    public async Task<RabbitMqNode> LeaderOfMostQueuesAsync(string virtualHost, CancellationToken cancellationToken = default)
    {
        var output = await Nodes[0].ControlAsync(["list_queues", "-p", virtualHost, "name", "type", "leader", "--no-table-headers", "--quiet"], cancellationToken);
        var leaders = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 3 && cells[1] == "quorum")
            .GroupBy(cells => cells[2])
            .OrderByDescending(group => group.Count())
            .Select(group => group.Key)
            .FirstOrDefault() ?? throw new InvalidOperationException($"No quorum queue in {virtualHost}: {output}");
        return Nodes.Single(node => node.NodeName == leaders);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes.Reverse())
        {
            await node.DisposeAsync();
        }
    }
}
