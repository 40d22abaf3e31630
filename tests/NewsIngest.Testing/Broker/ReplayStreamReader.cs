using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NewsIngest.Testing;

/// <summary>Reads the store's replicated replay stream (<c>news.articles.replay</c>) from its first record.</summary>
public static class ReplayStreamReader
{
    /// <summary>Reads the replay stream from its first record until <paramref name="expected"/> records came (or
    /// <paramref name="deadline"/> passed) and no more arrive for a while; returns the article id of each record, in
    /// stream order. Fewer than expected is the caller's finding to report, not an exception.</summary>
    public static async Task<List<Guid>> ReadAsync(RabbitMqNode node, string vhost, int expected, TimeSpan deadline)
    {
        var ids = new List<Guid>();
        await using var connection = await node.CreateConnectionFactory(vhost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, 100, false);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            if (delivery.RoutingKey.StartsWith("article.stored", StringComparison.Ordinal))
            {
                using var document = JsonDocument.Parse(delivery.Body);
                lock (ids)
                {
                    ids.Add(document.RootElement.GetProperty("articleId").GetGuid());
                }
            }

            await channel.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await channel.BasicConsumeAsync("news.articles.replay", false, string.Empty, false, false, new Dictionary<string, object?> { ["x-stream-offset"] = "first" }, consumer);
        try
        {
            await Eventually.UntilAsync(() => { lock (ids) { return ids.Count >= expected; } }, deadline, $"the replay stream holds {expected} records");
        }
        catch (TimeoutException)
        {
            // Short: what did arrive is the answer.
        }

        var seen = -1;
        await Eventually.UntilAsync(
            () =>
            {
                lock (ids)
                {
                    var settled = ids.Count == seen;
                    seen = ids.Count;
                    return settled;
                }
            },
            TimeSpan.FromSeconds(30),
            "no more records arrive");
        lock (ids)
        {
            return [.. ids];
        }
    }
}
