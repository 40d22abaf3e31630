using System.Text.RegularExpressions;
using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Messaging;

/// <summary>
/// The quorum queues' write-ahead-log cap of <c>deploy/rabbitmq/memory.conf</c> is what a running node uses: the
/// fixtures' nodes load the file docker-compose mounts, so the pipeline's tests and the load driver run with it.
/// </summary>
public sealed partial class BrokerMemorySettingsTests(BrokerFixture broker)
{
    [Fact]
    public async Task Node_LoadsComposeMemorySettings_WriteAheadLogCappedAtTheirSize()
    {
        var configured = WalSize().Match(await File.ReadAllTextAsync(RabbitMqNode.MemorySettings));
        configured.Success.ShouldBeTrue("memory.conf sets raft.wal_max_size_bytes");

        var running = await broker.Node.ControlAsync(["eval", "application:get_env(ra, wal_max_size_bytes)."]);

        running.Trim().ShouldBe($"{{ok,{configured.Groups["bytes"].Value}}}");
        long.Parse(configured.Groups["bytes"].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(128L << 20, "a 1 GB broker container's memory alarm is at 40 % of it");
    }

    [GeneratedRegex(@"^raft\.wal_max_size_bytes\s*=\s*(?<bytes>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex WalSize();
}
