using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NewsIngest.IntegrationTests.Pipeline;

/// <summary>
/// A downstream consumer as any team would write one: plain RabbitMQ.Client, a private queue bound to
/// <c>news.articles</c> with a topic pattern, no MassTransit.
/// </summary>
public sealed class TopicSubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<ReceivedRecord> _records = new();

    private TopicSubscriber(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyList<ReceivedRecord> Records => [.. _records];

    public static async Task<TopicSubscriber> StartAsync(ConnectionFactory factory, string pattern)
    {
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync("news.articles", ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, "news.articles", pattern);
        var subscriber = new TopicSubscriber(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            subscriber._records.Enqueue(new ReceivedRecord(
                delivery.RoutingKey,
                delivery.BasicProperties.MessageId,
                delivery.BasicProperties.ContentType,
                JsonDocument.Parse(delivery.Body.ToArray()).RootElement.Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}

public sealed record ReceivedRecord(string RoutingKey, string? MessageId, string? ContentType, JsonElement Body)
{
    public string ArticleId => Body.GetProperty("articleId").GetString()!;

    public string Title => Body.GetProperty("article").GetProperty("title").GetString()!;
}
