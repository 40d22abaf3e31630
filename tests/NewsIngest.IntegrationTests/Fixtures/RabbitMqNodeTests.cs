using System.Net.Sockets;
using System.Text;
using NewsIngest.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Shouldly;
using Xunit;

namespace NewsIngest.IntegrationTests.Fixtures;

public sealed class RabbitMqNodeTests(BrokerFixture broker)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAndConsume_OnFreshVirtualHost_DeliversMessage()
    {
        // Arrange
        var virtualHost = await broker.Node.CreateVirtualHostAsync(cancellationToken: Cancellation);
        await using var connection = await broker.Node.CreateConnectionFactory(virtualHost).CreateConnectionAsync(Cancellation);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation);
        var queue = await channel.QueueDeclareAsync("fixture-round-trip", durable: false, exclusive: false, autoDelete: false, cancellationToken: Cancellation);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            received.TrySetResult(Encoding.UTF8.GetString(delivery.Body.Span));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, Cancellation);

        // Act
        await channel.BasicPublishAsync(string.Empty, queue.QueueName, Encoding.UTF8.GetBytes("headline: rivers rise"), Cancellation);

        // Assert
        (await received.Task.WaitAsync(TimeSpan.FromSeconds(15), Cancellation)).ShouldBe("headline: rivers rise");
    }

    [Fact]
    public async Task QueueDeclarePassive_QueueOfOtherVirtualHost_IsNotVisible()
    {
        // Arrange
        var first = await broker.Node.CreateVirtualHostAsync(cancellationToken: Cancellation);
        var second = await broker.Node.CreateVirtualHostAsync(cancellationToken: Cancellation);
        await using var firstConnection = await new ConnectionFactory { Uri = broker.Node.AmqpUriFor(first) }.CreateConnectionAsync(Cancellation);
        await using var firstChannel = await firstConnection.CreateChannelAsync(cancellationToken: Cancellation);
        await firstChannel.QueueDeclareAsync("only-in-first", durable: false, exclusive: false, autoDelete: false, cancellationToken: Cancellation);
        await using var secondConnection = await new ConnectionFactory { Uri = broker.Node.AmqpUriFor(second) }.CreateConnectionAsync(Cancellation);
        await using var secondChannel = await secondConnection.CreateChannelAsync(cancellationToken: Cancellation);

        // Act
        var missing = await Should.ThrowAsync<OperationInterruptedException>(
            () => secondChannel.QueueDeclarePassiveAsync("only-in-first", Cancellation));

        // Assert
        missing.ShutdownReason.ShouldNotBeNull().ReplyCode.ShouldBe((ushort)404);
        (await firstChannel.QueueDeclarePassiveAsync("only-in-first", Cancellation)).QueueName.ShouldBe("only-in-first");
    }

    [Fact]
    public void AmqpUri_OfRunningNode_PointsAtLoopbackPortWithGuest()
    {
        // Arrange
        var node = broker.Node;

        // Act
        var uri = node.AmqpUri;

        // Assert
        uri.ToString().ShouldBe($"amqp://guest:guest@127.0.0.1:{node.Port}/");
        node.NodeName.ShouldEndWith("@localhost");
        node.DistributionPort.ShouldNotBe(node.Port);
    }

    [Fact]
    public async Task TransportEnvironment_ForVirtualHost_ConnectsToThatVirtualHost()
    {
        // Arrange
        var virtualHost = await broker.Node.CreateVirtualHostAsync(cancellationToken: Cancellation);

        // Act
        var settings = broker.Node.TransportEnvironment(virtualHost);

        // Assert
        var factory = new ConnectionFactory
        {
            HostName = settings["RabbitMqTransport__Host"]!,
            Port = int.Parse(settings["RabbitMqTransport__Port"]!, System.Globalization.CultureInfo.InvariantCulture),
            VirtualHost = settings["RabbitMqTransport__VHost"]!,
            UserName = settings["RabbitMqTransport__User"]!,
            Password = settings["RabbitMqTransport__Pass"]!,
        };
        await using var connection = await factory.CreateConnectionAsync(Cancellation);
        connection.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task DisposeAsync_RunningNode_EndsProcessesFreesPortAndRemovesDirectory()
    {
        // Arrange
        var node = await RabbitMqNode.StartAsync(Cancellation);
        var (processId, port, directory) = (node.ProcessId, node.Port, node.Directory);
        Directory.Exists(directory).ShouldBeTrue();

        // Act
        await node.DisposeAsync();

        // Assert
        Directory.Exists($"/proc/{processId}").ShouldBeFalse();
        ProcessGroupMembers(processId).ShouldBeEmpty();
        Directory.Exists(directory).ShouldBeFalse();
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port, Cancellation).AsTask());
    }

    private static List<int> ProcessGroupMembers(int processGroup) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var processId) ? processId : 0)
            .Where(processId => processId > 0 && ProcessGroupOf(processId) == processGroup)];

    private static int? ProcessGroupOf(int processId)
    {
        try
        {
            // /proc/PID/stat is "pid (comm) state ppid pgrp ..."; comm may hold spaces, so split after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
