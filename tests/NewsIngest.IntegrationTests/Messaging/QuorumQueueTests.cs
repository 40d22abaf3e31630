using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Messaging;

public sealed class QuorumQueueTests(BrokerFixture broker)
{
    [Fact]
    public async Task Parser_WithQuorumQueuesOn_DeclaresItsQueueAsQuorum()
    {
        var vhost = await broker.Node.CreateVirtualHostAsync();
        var environment = new Dictionary<string, string?>(broker.Node.TransportEnvironment(vhost))
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__ClaimCheckPath"] = Path.GetTempPath(),
            ["Messaging__QuorumQueues"] = "true",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        await using var parser = ServiceProcess.StartDll(RepositoryPaths.ServiceDll("NewsIngest.Parser"), environment);
        await parser.WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), TimeSpan.FromSeconds(90));

        var queues = await broker.Node.ControlAsync(["list_queues", "-p", vhost, "name", "type", "--no-table-headers"]);

        queues.Split('\n').ShouldContain(l => l.StartsWith("parser-article-fetched", StringComparison.Ordinal) && l.Contains("quorum", StringComparison.Ordinal));
    }
}
