using System.CommandLine;
using System.Text;
using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;
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
    /// <summary>The store's replay stream (see the store's <c>ReplayStream</c>).</summary>
    public const string ReplayQueue = "news.articles.replay";

    public static Command Create()
    {
        var amqp = new Option<string>("--amqp") { Description = "Broker URI, e.g. amqp://user:pass@localhost:5672/", Required = true };
        var topic = new Option<string>("--topic") { Description = "Routing pattern, e.g. article.stored.en.# (default: every record).", DefaultValueFactory = _ => "article.#" };
        var json = new Option<bool>("--json") { Description = "Print each record's JSON on one line instead of a summary line." };
        var count = new Option<int?>("--count") { Description = "Exit after this many records." };
        var fromStart = new Option<bool>("--from-start") { Description = "Replay the history kept in the news.articles.replay stream, then follow it." };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Replay the stream from this time (ISO 8601), then follow it." };
        var command = new Command("tail", "Print records published to the news.articles topic exchange.") { amqp, topic, json, count, fromStart, since };
        command.SetAction((result, cancellationToken) => TailAsync(
            new TailRequest(result.GetValue(amqp)!, result.GetValue(topic)!, result.GetValue(json), result.GetValue(count), result.GetValue(fromStart), result.GetValue(since)),
            cancellationToken));
        return command;
    }

    private static async Task<int> TailAsync(TailRequest request, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(request.Amqp, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw CliException.Usage($"--amqp must be an amqp:// or amqps:// URI such as amqp://user:pass@localhost:5672/%2f, got '{ConsoleText.OneLine(request.Amqp)}'");
        }

        var factory = new ConnectionFactory { Uri = uri, ClientProvidedName = "newsingest-tail" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var replay = request.FromStart || request.Since is not null;
        var pattern = TopicPattern.Compile(request.Pattern);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            if (replay)
            {
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                if (!pattern.IsMatch(delivery.RoutingKey))
                {
                    return;
                }
            }

            var body = Encoding.UTF8.GetString(delivery.Body.Span);
            Console.Out.WriteLine(request.Json ? body.ReplaceLineEndings(" ") : $"{delivery.RoutingKey} {TitleOf(body)}");
            if (request.Limit is { } max && Interlocked.Increment(ref received) >= max)
            {
                done.TrySetResult();
            }
        };

        if (replay)
        {
            // A stream is read from an offset, with acknowledgements and a prefetch limit; the pattern is applied here.
            await channel.BasicQosAsync(0, 200, global: false, cancellationToken);
            object offset = request.Since is { } time ? new AmqpTimestamp(time.ToUnixTimeSeconds()) : "first";
            try
            {
                await channel.BasicConsumeAsync(ReplayQueue, autoAck: false, string.Empty, noLocal: false, exclusive: false, new Dictionary<string, object?> { ["x-stream-offset"] = offset }, consumer, cancellationToken);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
                throw CliException.Failure($"the replay stream {ReplayQueue} does not exist on this broker yet: a store declares it when it first starts");
            }

            Console.Error.WriteLine($"Replaying {ReplayQueue} from {(request.Since?.ToString("O") ?? "the first record")} for '{request.Pattern}'");
        }
        else
        {
            await channel.ExchangeDeclareAsync(ArticleTopic.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue.QueueName, ArticleTopic.Exchange, request.Pattern, cancellationToken: cancellationToken);
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
            Console.Error.WriteLine($"Listening on {ArticleTopic.Exchange} for '{request.Pattern}'");
        }

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
            var root = document.RootElement;
            // article.stored carries the record itself; article.updated carries the sighting and the story's record.
            var record = root.TryGetProperty("story", out var story) ? story : root;
            return ConsoleText.OneLine(record.GetProperty("article").GetProperty("title").GetString());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"(unreadable record: {ex.Message})";
        }
    }

    private sealed record TailRequest(string Amqp, string Pattern, bool Json, int? Limit, bool FromStart, DateTimeOffset? Since);
}
