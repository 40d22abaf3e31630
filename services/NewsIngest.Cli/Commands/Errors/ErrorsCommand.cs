using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsIngest.Cli.Terminal;
using NewsIngest.ServiceDefaults.Reliability;
using RabbitMQ.Client;

namespace NewsIngest.Cli.Commands.Errors;

/// <summary>
/// <c>newsingest errors list|show|replay</c>: what is in the pipeline's <c>_error</c> queues, why, and sending it back
/// to the queue it came from once the cause is fixed.
/// </summary>
public static class ErrorsCommand
{
    private const int BrowseLimit = 10_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var amqp = new Option<string>("--amqp") { Description = "Broker URI, e.g. amqp://user:pass@localhost:5672/", Required = true };
        var queueOption = new Option<string[]>("--queue") { Description = "Another error queue to list (besides the pipeline's own)." };
        var list = new Command("list", "Per error queue: how many messages, why they failed, the oldest.") { amqp, queueOption };
        list.SetAction((result, token) => ListAsync(Factory(result.GetValue(amqp)!), [.. PipelineErrorQueues.All, .. result.GetValue(queueOption) ?? []], token));

        var queue = new Argument<string>("QUEUE") { Description = "An error queue, e.g. store-article-enriched_error." };
        var showIds = new Option<string[]>("--id") { Description = "Only these messages (message id or article id)." };
        var show = new Command("show", "The messages of an error queue as JSON lines: ids, reason, source queue, body.") { queue, amqp, showIds };
        show.SetAction((result, token) => ShowAsync(Factory(result.GetValue(amqp)!), result.GetValue(queue)!, result.GetValue(showIds) ?? [], token));

        var replayIds = new Option<string[]>("--id") { Description = "Replay these messages (message id or article id)." };
        var all = new Option<bool>("--all") { Description = "Replay every message in the queue." };
        var replay = new Command("replay", "Send messages back to the queue they came from (confirmed, then removed here).") { queue, amqp, replayIds, all };
        replay.SetAction((result, token) => ReplayAsync(Factory(result.GetValue(amqp)!), result.GetValue(queue)!, result.GetValue(replayIds) ?? [], result.GetValue(all), token));

        return new Command("errors", "Inspect and replay the pipeline's error queues.") { list, show, replay };
    }

    private static ConnectionFactory Factory(string uri) => new() { Uri = new Uri(uri), ClientProvidedName = "newsingest-errors" };

    private static async Task<int> ListAsync(ConnectionFactory factory, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        foreach (var name in queues.Distinct(StringComparer.Ordinal))
        {
            await using var queue = await ErrorQueue.OpenAsync(factory, name, cancellationToken);
            if (await queue.CountAsync(cancellationToken) is not { } count)
            {
                Console.Out.WriteLine($"{name}\t0");
                continue;
            }

            var messages = await queue.TakeAsync(BrowseLimit, cancellationToken);
            var oldest = messages.Min(m => m.FaultedAt);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{count}{(oldest is { } at ? $"\toldest {at:O}" : string.Empty)}"));
            foreach (var reason in messages.GroupBy(m => m.Reason).OrderByDescending(g => g.Count()))
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reason.Count()}× {reason.Key}"));
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(ConnectionFactory factory, string name, string[] ids, CancellationToken cancellationToken)
    {
        await using var queue = await ErrorQueue.OpenAsync(factory, name, cancellationToken);
        var shown = 0;
        foreach (var message in await queue.TakeAsync(BrowseLimit, cancellationToken))
        {
            if (ids.Length > 0 && !ids.Any(message.HasId))
            {
                continue;
            }

            shown++;
            Console.Out.WriteLine(JsonSerializer.Serialize(
                new
                {
                    queue = name,
                    message.MessageId,
                    message.ArticleId,
                    message.MessageType,
                    message.FaultedAt,
                    message.Reason,
                    message.ExceptionType,
                    message.SourceQueue,
                    body = FaultReason.OneLine(System.Text.Encoding.UTF8.GetString(message.Body.Span), 2_000),
                },
                Json));
        }

        Console.Error.WriteLine($"{shown} message(s) in {name}");
        return ExitCodes.Ok;
    }

    private static async Task<int> ReplayAsync(ConnectionFactory factory, string name, string[] ids, bool all, CancellationToken cancellationToken)
    {
        if (all == ids.Length > 0)
        {
            throw CliException.Usage("errors replay: give --all or one or more --id");
        }

        await using var queue = await ErrorQueue.OpenAsync(factory, name, cancellationToken);
        var replayed = 0;
        var failed = 0;
        foreach (var message in await queue.TakeAsync(BrowseLimit, cancellationToken))
        {
            if (!all && !ids.Any(message.HasId))
            {
                continue;
            }

            try
            {
                await queue.ReplayAsync(message, cancellationToken);
                replayed++;
                Console.Out.WriteLine($"replayed {message.MessageId} (article {message.ArticleId}) to {message.SourceQueue}");
            }
            catch (Exception ex) when (ex is InvalidOperationException or RabbitMQ.Client.Exceptions.PublishException)
            {
                failed++;
                Console.Error.WriteLine($"newsingest: kept {message.MessageId} in {name}: {FaultReason.Of(ex)}");
            }
        }

        Console.Out.WriteLine($"{replayed} replayed, {failed} kept in {name}");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
