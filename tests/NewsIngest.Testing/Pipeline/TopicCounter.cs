using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NewsIngest.Testing.Pipeline;

/// <summary>
/// A downstream consumer of <c>news.articles</c> that counts what it receives by <c>message_id</c> and survives a broker
/// restart: a durable queue of its own (so records published while it is cut off wait for it), manual acks, and the
/// client's automatic recovery. A delivery the broker marks as redelivered whose id was already counted is the broker
/// repeating a delivery whose ack was lost in the crash, not a second publish, and is not counted again; every other
/// repeat of a message id is a duplicate published by the pipeline.
/// </summary>
public sealed class TopicCounter : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TopicDelivery> _deliveries = new();
    private int _duplicates;
    private int _redeliveriesIgnored;
    private long _lastArrival = Stopwatch.GetTimestamp();

    private TopicCounter(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        Queue = queue;
    }

    /// <summary>The counter's own queue (durable, named <c>topic-counter-…</c>).</summary>
    public string Queue { get; }

    /// <summary>Every counted delivery (first sightings and published duplicates), in arrival order.</summary>
    public IReadOnlyList<TopicDelivery> Deliveries => [.. _deliveries];

    /// <summary>Distinct message ids received.</summary>
    public int Distinct => _ids.Count;

    /// <summary>Deliveries whose message id had been received before (and that the broker did not mark as redelivered).</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Redeliveries of an already counted message after a lost ack; not duplicates.</summary>
    public int RedeliveriesIgnored => Volatile.Read(ref _redeliveriesIgnored);

    /// <summary>Time since the last delivery arrived.</summary>
    public TimeSpan SinceLastArrival => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastArrival));

    /// <summary>Declares the exchange and the counter's queue bound with <paramref name="pattern"/> and starts consuming.</summary>
    public static async Task<TopicCounter> StartAsync(ConnectionFactory factory, string pattern = "article.#", CancellationToken cancellationToken = default)
    {
        factory.AutomaticRecoveryEnabled = true;
        factory.TopologyRecoveryEnabled = true;
        factory.NetworkRecoveryInterval = TimeSpan.FromSeconds(1);
        factory.ClientProvidedName = "topic-counter";
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync("news.articles", ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = $"topic-counter-{Guid.NewGuid():N}"[..26];
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, "news.articles", pattern, cancellationToken: cancellationToken);
        await channel.BasicQosAsync(0, 500, false, cancellationToken);
        var counter = new TopicCounter(connection, channel, queue);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += counter.OnReceivedAsync;
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        return counter;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.CloseAsync();
            await _connection.CloseAsync();
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or OperationCanceledException or IOException)
        {
            // The broker is gone already (the run stops it first, or it was the fault).
        }

        _channel.Dispose();
        _connection.Dispose();
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var arrived = Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastArrival, arrived);
        var id = delivery.BasicProperties.MessageId ?? string.Empty;
        var first = _ids.TryAdd(id, 0);
        if (first || !delivery.Redelivered)
        {
            if (!first)
            {
                Interlocked.Increment(ref _duplicates);
            }

            _deliveries.Enqueue(Parse(delivery, id, arrived, first));
        }
        else
        {
            Interlocked.Increment(ref _redeliveriesIgnored);
        }

        try
        {
            await _channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or OperationCanceledException or IOException)
        {
            // The connection dropped: the broker redelivers the message (Redelivered set) and the check above knows it.
        }
    }

    private static TopicDelivery Parse(BasicDeliverEventArgs delivery, string id, long arrived, bool first)
    {
        using var json = JsonDocument.Parse(delivery.Body);
        var root = json.RootElement;
        var updated = delivery.RoutingKey.StartsWith("article.updated.", StringComparison.Ordinal);
        var article = updated ? root.GetProperty("story").GetProperty("article") : root.GetProperty("article");
        var url = updated
            ? (root.TryGetProperty("url", out var sighting) ? sighting.GetString() : null)
            : (article.TryGetProperty("url", out var own) ? own.GetString() : null);
        return new TopicDelivery(id, delivery.RoutingKey, updated, url, article.GetProperty("title").GetString(), arrived, first);
    }
}

/// <summary>One record received from the topic: its id, key, the item URL it came from (the sighting's for an update) and when it arrived.</summary>
public sealed record TopicDelivery(string MessageId, string RoutingKey, bool IsUpdate, string? Url, string? Title, long ArrivedAt, bool First);
