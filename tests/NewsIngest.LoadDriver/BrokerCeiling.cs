using System.Diagnostics;
using NewsIngest.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NewsIngest.LoadDriver;

/// <summary>
/// What the broker alone can carry on this machine: a fresh node, persistent 1 KB messages through four chained
/// durable queues (publish to hop 1; a consumer per hop republishes to the next, each publish awaiting its confirm,
/// then acks), eight messages handled at once per consumer as the services do. Messages per second through all four hops,
/// with classic queues or quorum queues (the services' default type).
/// </summary>
internal static class BrokerCeiling
{
    private const int Hops = 4;
    private const int Concurrency = 8;
    private const int PublishWindow = 256;

    public static async Task<CeilingResult> RunAsync(int messages, bool quorum, string? erlangArguments, TimeSpan timeout)
    {
        await using var node = erlangArguments is null ? await RabbitMqNode.StartAsync() : await RabbitMqNode.StartWithArgumentsAsync(erlangArguments);
        var factory = node.CreateConnectionFactory();
        await using var connection = await factory.CreateConnectionAsync();
        var confirmed = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, consumerDispatchConcurrency: Concurrency);
        var queues = Enumerable.Range(1, Hops).Select(h => $"ceiling-hop-{h}").ToArray();
        var arguments = new Dictionary<string, object?> { ["x-queue-type"] = quorum ? "quorum" : "classic" };
        await using (var setup = await connection.CreateChannelAsync())
        {
            foreach (var queue in queues)
            {
                await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments);
            }
        }

        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var channels = new List<IChannel>();
        for (var hop = 0; hop < Hops; hop++)
        {
            var channel = await connection.CreateChannelAsync(confirmed);
            channels.Add(channel);
            await channel.BasicQosAsync(0, 64, false);
            var next = hop + 1 < Hops ? queues[hop + 1] : null;
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                if (next is not null)
                {
                    await channel.BasicPublishAsync(string.Empty, next, mandatory: true, new BasicProperties { Persistent = true }, delivery.Body);
                }
                else if (Interlocked.Increment(ref received) == messages)
                {
                    done.TrySetResult();
                }

                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            };
            await channel.BasicConsumeAsync(queues[hop], autoAck: false, consumer);
        }

        var body = new byte[1024];
        Random.Shared.NextBytes(body);
        var cpuBefore = ProcessMeter.CpuTime(node.ProcessId);
        var clock = Stopwatch.StartNew();
        await using (var publisher = await connection.CreateChannelAsync(confirmed))
        {
            for (var sent = 0; sent < messages; sent += PublishWindow)
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Min(PublishWindow, messages - sent)).Select(_ =>
                    publisher.BasicPublishAsync(string.Empty, queues[0], mandatory: true, new BasicProperties { Persistent = true }, body).AsTask()));
            }
        }

        await done.Task.WaitAsync(timeout);
        var elapsed = clock.Elapsed;
        var brokerCpu = ProcessMeter.CpuTime(node.ProcessId) - cpuBefore;
        foreach (var channel in channels)
        {
            await channel.CloseAsync();
            channel.Dispose();
        }

        return new CeilingResult(quorum ? "quorum" : "classic", messages, elapsed, brokerCpu);
    }
}

internal sealed record CeilingResult(string QueueType, int Messages, TimeSpan Elapsed, TimeSpan BrokerCpu)
{
    public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;
}
