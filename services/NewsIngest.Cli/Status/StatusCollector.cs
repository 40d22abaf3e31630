using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NewsIngest.Cli.Status;

/// <summary>
/// Reads the system's state from where it lives: the RabbitMQ management API (queues), the fetcher's <c>GET /status</c>
/// (feeds) and the store's <c>GET /stats</c> (totals), plus both services' <c>/health/ready</c>. A source that does
/// not answer is reported with its error; the others are still shown.
/// </summary>
public sealed class StatusCollector(HttpClient http, StatusSources sources)
{
    public async Task<SystemStatus> CollectAsync(CancellationToken cancellationToken)
    {
        var broker = BrokerAsync(cancellationToken);
        var feeds = FeedsAsync(cancellationToken);
        var store = StoreAsync(cancellationToken);
        return new SystemStatus(DateTimeOffset.UtcNow, await broker, await feeds, await store);
    }

    private async Task<BrokerStatus> BrokerAsync(CancellationToken cancellationToken)
    {
        var address = sources.Management;
        var shown = new UriBuilder(address) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, $"api/queues/{Uri.EscapeDataString(sources.VirtualHost)}"));
            if (address.UserInfo.Length > 0)
            {
                var credentials = Uri.UnescapeDataString(address.UserInfo);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
            }

            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var queues = json.RootElement.EnumerateArray().Select(ToQueue).OrderBy(q => q.Name, StringComparer.Ordinal).ToList();
            return new BrokerStatus(shown, queues, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException)
        {
            return new BrokerStatus(shown, [], ex.Message);
        }
    }

    private async Task<FeedsStatus> FeedsAsync(CancellationToken cancellationToken)
    {
        var readiness = await ReadinessAsync(sources.Fetcher, cancellationToken);
        try
        {
            using var json = await GetJsonAsync(new Uri(sources.Fetcher, "status"), cancellationToken);
            var feeds = json.RootElement.GetProperty("feeds").EnumerateArray().Select(ToFeed).ToList();
            return new FeedsStatus(sources.Fetcher.ToString(), readiness, feeds, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            return new FeedsStatus(sources.Fetcher.ToString(), readiness, [], ex.Message);
        }
    }

    private async Task<StoreStatus> StoreAsync(CancellationToken cancellationToken)
    {
        var readiness = await ReadinessAsync(sources.Store, cancellationToken);
        try
        {
            using var json = await GetJsonAsync(new Uri(sources.Store, "stats"), cancellationToken);
            var root = json.RootElement;
            return new StoreStatus(
                sources.Store.ToString(), readiness, Long(root, "articles"), Long(root, "stories"), Long(root, "sightings"), Long(root, "rejected"), Long(root, "pendingOutbox"), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException)
        {
            return new StoreStatus(sources.Store.ToString(), readiness, null, null, null, null, null, ex.Message);
        }
    }

    /// <summary>The service's readiness (<c>Healthy</c>, <c>Unhealthy: outbox …</c>), or why it could not be read.</summary>
    private async Task<string?> ReadinessAsync(Uri service, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(service, "health/ready"), cancellationToken);
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var status = json.RootElement.GetProperty("status").GetString();
            var failing = json.RootElement.TryGetProperty("checks", out var checks)
                ? checks.EnumerateObject().Where(c => c.Value.GetProperty("status").GetString() != "Healthy").Select(c => $"{c.Name}: {c.Value.GetProperty("description").GetString()}").ToList()
                : [];
            return failing.Count == 0 ? status : $"{status} ({string.Join("; ", failing)})";
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            return "unreachable: " + ex.Message;
        }
    }

    private async Task<JsonDocument> GetJsonAsync(Uri address, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(address, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }

    private static QueueStatus ToQueue(JsonElement queue)
    {
        var stats = queue.TryGetProperty("message_stats", out var s) ? s : default;
        return new QueueStatus(
            queue.GetProperty("name").GetString()!,
            queue.TryGetProperty("type", out var type) ? type.GetString() ?? "classic" : "classic",
            Long(queue, "messages") ?? 0,
            Long(queue, "messages_ready") ?? 0,
            Long(queue, "messages_unacknowledged") ?? 0,
            (int)(Long(queue, "consumers") ?? 0),
            Rate(stats, "publish_details"),
            Rate(stats, "deliver_get_details"));
    }

    private static FeedStatus ToFeed(JsonElement feed)
    {
        var last = feed.TryGetProperty("lastResult", out var result) && result.ValueKind == JsonValueKind.Object ? result : default;
        return new FeedStatus(
            feed.GetProperty("url").GetString()!,
            feed.GetProperty("paused").GetBoolean(),
            feed.GetProperty("consecutiveErrors").GetInt32(),
            Time(feed, "lastPoll"),
            Time(feed, "nextPoll"),
            last.ValueKind == JsonValueKind.Object ? last.GetProperty("outcome").GetString() : null,
            last.ValueKind == JsonValueKind.Object ? last.GetProperty("httpStatus").GetInt32() : null,
            last.ValueKind == JsonValueKind.Object && last.TryGetProperty("failure", out var failure) ? failure.GetString() : null);
    }

    private static long? Long(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static double Rate(JsonElement stats, string name) =>
        stats.ValueKind == JsonValueKind.Object && stats.TryGetProperty(name, out var details) && details.TryGetProperty("rate", out var rate) ? rate.GetDouble() : 0;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;
}

/// <summary>Where <see cref="StatusCollector"/> looks.</summary>
public sealed record StatusSources(Uri Management, string VirtualHost, Uri Fetcher, Uri Store);
