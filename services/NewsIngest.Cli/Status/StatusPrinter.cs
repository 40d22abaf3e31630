using System.Globalization;

namespace NewsIngest.Cli.Status;

/// <summary>The one-screen view of <see cref="SystemStatus"/>: queues, error queues, feeds, store totals.</summary>
public static class StatusPrinter
{
    public static void Print(SystemStatus status, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"NewsIngest status at {status.CollectedAt:yyyy-MM-dd HH:mm:ss}Z"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Queues ({status.Broker.Address})"));
        if (status.Broker.Error is { } brokerError)
        {
            output.WriteLine(string.Create(c, $"  unreachable: {brokerError}"));
        }
        else
        {
            output.WriteLine(string.Create(c, $"  {"queue",-44} {"type",-8} {"ready",8} {"unacked",8} {"consumers",9} {"in/s",7} {"out/s",7}"));
            foreach (var queue in status.Broker.Queues.Where(q => !q.IsErrorQueue))
            {
                output.WriteLine(string.Create(c, $"  {queue.Name,-44} {queue.Type,-8} {queue.Ready,8} {queue.Unacknowledged,8} {queue.Consumers,9} {queue.PublishRate,7:0.0} {queue.DeliverRate,7:0.0}"));
            }

            var errors = status.Broker.ErrorQueues;
            output.WriteLine(string.Create(c, $"  error queues: {(errors.Count == 0 ? "none" : string.Join(", ", errors.Select(e => $"{e.Key} {e.Value}")))}"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Feeds ({status.Feeds.Address}, ready: {status.Feeds.Readiness})"));
        if (status.Feeds.Error is { } feedsError)
        {
            output.WriteLine(string.Create(c, $"  unreachable: {feedsError}"));
        }

        foreach (var feed in status.Feeds.Items)
        {
            var last = feed.LastOutcome is null ? "not polled by this replica yet" : $"{feed.LastOutcome} (HTTP {feed.LastHttpStatus}){(feed.LastFailure is null ? string.Empty : ": " + feed.LastFailure)}";
            var state = feed.Paused ? $"PAUSED after {feed.ConsecutiveErrors} errors" : feed.ConsecutiveErrors > 0 ? $"{feed.ConsecutiveErrors} errors in a row" : "ok";
            output.WriteLine(string.Create(c, $"  {feed.Url}"));
            output.WriteLine(string.Create(c, $"      {state}; last poll {Ago(feed.LastPoll, status.CollectedAt)}: {last}; next poll {Ago(feed.NextPoll, status.CollectedAt)}"));
        }

        output.WriteLine();
        var store = status.Store;
        output.WriteLine(string.Create(c, $"Store ({store.Address}, ready: {store.Readiness})"));
        output.WriteLine(store.Error is { } storeError
            ? $"  unreachable: {storeError}"
            : string.Create(c, $"  {store.Articles} articles, {store.Stories} stories, {store.Sightings} sightings, {store.Rejected} rejected, {store.PendingOutbox} waiting in the outbox"));
    }

    private static string Ago(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is not { } at)
        {
            return "never";
        }

        var delta = at - now;
        var seconds = Math.Abs(delta.TotalSeconds);
        var text = seconds < 120 ? $"{seconds:0} s" : seconds < 7200 ? $"{seconds / 60:0} min" : $"{seconds / 3600:0.#} h";
        return string.Create(CultureInfo.InvariantCulture, $"{(delta < TimeSpan.Zero ? text + " ago" : "in " + text)} ({at:HH:mm:ss}Z)");
    }
}
