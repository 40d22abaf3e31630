using MassTransit;
using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.ServiceDefaults;
using RabbitMQ.Client;

namespace NewsIngest.Store.Publishing;

/// <summary>
/// Declares <c>news.articles.replay</c>, a RabbitMQ stream bound to every routing key of the topic, so a
/// consumer that comes late can read the history from the first record, an offset or a timestamp
/// (<c>newsingest tail --from-start</c>). Declaring is idempotent: every replica does it at start.
/// </summary>
public sealed class ReplayStream(
    IOptions<MessagingOptions> messaging,
    IOptions<RabbitMqTransportOptions> broker,
    IOptions<StoreOptions> store,
    ILogger<ReplayStream> logger) : IHostedService
{
    public const string QueueName = "news.articles.replay";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (messaging.Value.Transport != MessagingTransport.RabbitMq)
        {
            return;
        }

        var options = broker.Value;
        var factory = new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.Port,
            VirtualHost = options.VHost,
            UserName = options.User,
            Password = options.Pass,
            ClientProvidedName = "store-replay-stream",
        };
        if (options.UseSsl)
        {
            factory.Ssl = new SslOption { Enabled = true, ServerName = options.Host };
        }

        // A cluster: the first node that answers (the stream is replicated to every node by RabbitMQ's default).
        var nodes = messaging.Value.BrokerNodeList;
        await using var connection = nodes.Count == 0
            ? await factory.CreateConnectionAsync(cancellationToken)
            : await factory.CreateConnectionAsync(nodes.Select(node => new AmqpTcpEndpoint(node.Host, node.Port, factory.Ssl)).ToList(), cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(ArticleTopic.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(QueueName, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
        {
            ["x-queue-type"] = "stream",
            ["x-max-age"] = store.Value.ReplayRetention,
        }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(QueueName, ArticleTopic.Exchange, "#", cancellationToken: cancellationToken);
        logger.LogInformation("Replay stream {Queue} keeps {Exchange} records for {Retention}", QueueName, ArticleTopic.Exchange, store.Value.ReplayRetention);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
