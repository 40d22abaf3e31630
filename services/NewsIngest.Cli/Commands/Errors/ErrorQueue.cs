using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NewsIngest.Cli.Commands.Errors;

/// <summary>
/// One <c>_error</c> queue over AMQP. Browsing takes messages without acknowledging them and gives them all back at the
/// end, so it changes nothing; replaying sends each chosen message back to the queue it came from, waits for the
/// broker's confirm, and only then acknowledges (removes) it here: no loss, and a crash in between leaves a copy
/// here that the idempotent consumer ignores when replayed again.
/// </summary>
public sealed class ErrorQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly List<ulong> _held = [];

    private ErrorQueue(string name, IConnection connection, IChannel channel)
    {
        Name = name;
        _connection = connection;
        _channel = channel;
    }

    public string Name { get; }

    public static async Task<ErrorQueue> OpenAsync(ConnectionFactory factory, string name, CancellationToken cancellationToken)
    {
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return new ErrorQueue(name, connection, channel);
    }

    /// <summary>Messages waiting in the queue; null when it does not exist (nothing has failed there yet).</summary>
    public async Task<uint?> CountAsync(CancellationToken cancellationToken)
    {
        await using var probe = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await probe.QueueDeclarePassiveAsync(Name, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>Takes up to <paramref name="limit"/> messages (at most those there now), unacknowledged, in queue order.</summary>
    public async Task<IReadOnlyList<FaultedMessage>> TakeAsync(int limit, CancellationToken cancellationToken)
    {
        var messages = new List<FaultedMessage>();
        var available = await CountAsync(cancellationToken) ?? 0;
        while (messages.Count < Math.Min(limit, available) && await _channel.BasicGetAsync(Name, autoAck: false, cancellationToken) is { } delivery)
        {
            _held.Add(delivery.DeliveryTag);
            messages.Add(FaultedMessage.From(delivery));
        }

        return messages;
    }

    /// <summary>Sends <paramref name="message"/> back to its source queue, confirmed, then removes it from here.</summary>
    public async Task ReplayAsync(FaultedMessage message, CancellationToken cancellationToken)
    {
        var target = message.SourceQueue
            ?? throw new InvalidOperationException($"message {message.MessageId} names no source queue (no {FaultedMessage.FaultHeaderPrefix}InputAddress header)");

        // The default exchange routes straight to the queue of that name; mandatory turns "no such queue" into an error.
        await _channel.BasicPublishAsync(string.Empty, target, mandatory: true, message.ReplayProperties(), message.Body, cancellationToken);
        await _channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
        _held.Remove(message.DeliveryTag);
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever was taken and not replayed goes back, in order.
        if (_channel.IsOpen)
        {
            foreach (var tag in _held)
            {
                await _channel.BasicNackAsync(tag, multiple: false, requeue: true);
            }

            await _channel.CloseAsync();
        }

        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
