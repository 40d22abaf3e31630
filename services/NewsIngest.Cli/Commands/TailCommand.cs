using System.CommandLine;
using System.Text;
using NewsIngest.ServiceDefaults;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest tail --amqp URI --topic PATTERN</c>: a downstream subscriber of <c>news.articles</c>,
/// exactly as any consumer in any language would bind: a private queue bound with a topic pattern.
/// </summary>
public static class TailCommand
{
    public static Command Create()
    {
        var amqp = new Option<string>("--amqp") { Description = "Broker URI, e.g. amqp://user:pass@localhost:5672/", Required = true };
        var topic = new Option<string>("--topic") { Description = "Routing pattern, e.g. article.stored.en.# (default: every record).", DefaultValueFactory = _ => "article.#" };
        var json = new Option<bool>("--json") { Description = "Print each record's JSON on one line instead of a summary line." };
        var count = new Option<int?>("--count") { Description = "Exit after this many records." };
        var command = new Command("tail", "Print records published to the news.articles topic exchange.") { amqp, topic, json, count };
        command.SetAction((result, cancellationToken) => TailAsync(result.GetValue(amqp)!, result.GetValue(topic)!, result.GetValue(json), result.GetValue(count), cancellationToken));
        return command;
    }

    private static async Task<int> TailAsync(string amqp, string pattern, bool json, int? limit, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp), ClientProvidedName = "newsingest-tail" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(ArticleTopic.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, ArticleTopic.Exchange, pattern, cancellationToken: cancellationToken);

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var body = Encoding.UTF8.GetString(delivery.Body.Span);
            Console.Out.WriteLine(json ? body.ReplaceLineEndings(" ") : $"{delivery.RoutingKey} {TitleOf(body)}");
            if (limit is { } max && Interlocked.Increment(ref received) >= max)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        Console.Error.WriteLine($"Listening on {ArticleTopic.Exchange} for '{pattern}'");
        try
        {
            await done.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: a normal end.
        }

        return 0;
    }

    private static string TitleOf(string body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.GetProperty("article").GetProperty("title").GetString() ?? string.Empty;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"(unreadable record: {ex.Message})";
        }
    }
}
