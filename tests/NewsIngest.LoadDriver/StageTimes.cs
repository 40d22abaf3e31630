using System.Globalization;
using System.Text.Json;
using NewsIngest.Testing.Pipeline;

namespace NewsIngest.LoadDriver;

/// <summary>
/// When each article left each service, read from the one INFO line per article every service logs (compact JSON:
/// <c>@t</c>, <c>@mt</c>, <c>ArticleId</c>): the fetcher's after the broker confirmed <c>ArticleFetched</c>, the
/// parser's, the enricher's and the store's at the end of their consume (the store's once the record is written, before
/// the outbox publishes it). The hops between them include the queue waits.
/// </summary>
internal sealed class StageTimes
{
    /// <summary>The stages in pipeline order: the service and the message templates of its per-article line.</summary>
    public static readonly IReadOnlyList<(string Stage, string Project, string[] Templates)> Stages =
    [
        ("fetched", PipelineServices.Fetcher, ["Fetched article {ArticleId}"]),
        ("parsed", PipelineServices.Parser, ["Parsed article {ArticleId}", "Article {ArticleId}: page {Url} gave no article"]),
        ("enriched", PipelineServices.Enricher, ["Enriched article {ArticleId}"]),
        ("stored", PipelineServices.Store, ["Stored article {ArticleId}", "Article {ArticleId} is another sighting"]),
    ];

    private readonly Dictionary<string, Dictionary<Guid, DateTimeOffset>> _byStage;

    private StageTimes(Dictionary<string, Dictionary<Guid, DateTimeOffset>> byStage) => _byStage = byStage;

    /// <summary>Reads every service's output so far; the first line of a stage per article wins (a redelivery logs again).</summary>
    public static StageTimes Read(PipelineServices services)
    {
        var byStage = new Dictionary<string, Dictionary<Guid, DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var (stage, project, templates) in Stages)
        {
            var times = new Dictionary<Guid, DateTimeOffset>();
            foreach (var line in services.LogsOf(project))
            {
                if (Parse(line, templates) is { } entry)
                {
                    times.TryAdd(entry.ArticleId, entry.At);
                }
            }

            byStage[stage] = times;
        }

        return new StageTimes(byStage);
    }

    /// <summary>When <paramref name="articleId"/> left <paramref name="stage"/>, if its line was seen.</summary>
    public DateTimeOffset? At(string stage, Guid articleId) =>
        _byStage.TryGetValue(stage, out var times) && times.TryGetValue(articleId, out var at) ? at : null;

    private static (Guid ArticleId, DateTimeOffset At)? Parse(string line, string[] templates)
    {
        if (!line.StartsWith('{') || !line.Contains("\"ArticleId\"", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (!root.TryGetProperty("@mt", out var template) || template.GetString() is not { } text
                || !templates.Any(t => text.StartsWith(t, StringComparison.Ordinal))
                || !Guid.TryParse(root.GetProperty("ArticleId").GetString(), out var articleId)
                || !DateTimeOffset.TryParse(root.GetProperty("@t").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return null;
            }

            return (articleId, at);
        }
        catch (JsonException)
        {
            return null; // a line cut off when the process was killed
        }
    }
}
