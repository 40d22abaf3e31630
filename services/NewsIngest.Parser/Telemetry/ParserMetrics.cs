using System.Diagnostics.Metrics;
using NewsIngest.Contracts;
using NewsIngest.Parser.Parsing;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Parser.Telemetry;

/// <summary>The parser's meter (<c>NewsIngest.Parser</c>): parse outcomes by source kind and rejection reason, parse duration.</summary>
public static class ParserMetrics
{
    public const string Name = TelemetryNames.Prefix + "Parser";
    private const int MaxReasonLength = 40;

    private static readonly Meter Meter = new(Name, ServiceVersion.Current);

    private static readonly Counter<long> Parsed = Meter.CreateCounter<long>(
        "newsingest.parser.articles.parsed", "{article}", "Articles parsed and published to the enricher, by source kind");

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "newsingest.parser.articles.rejected", "{article}", "Articles rejected, by source kind and reason (the reason's first words)");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "newsingest.parser.parse.duration", "s", "Time to decode and extract one article, by source kind and outcome");

    /// <summary>Every counter at 0 (see <see cref="CounterBaseline"/>).</summary>
    public static void RecordBaseline()
    {
        Parsed.Add(0);
        Rejected.Add(0);
    }

    public static void Record(ArticleSourceKind kind, ParseOutcome outcome, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var kindTag = new KeyValuePair<string, object?>("kind", TelemetryTags.Kind(kind));
        StageCounters.In();
        if (outcome.Article is not null)
        {
            Parsed.Add(1, kindTag);
            Duration.Record(elapsed.TotalSeconds, kindTag, new KeyValuePair<string, object?>("outcome", "parsed"));
            StageCounters.Out();
        }
        else
        {
            Rejected.Add(1, kindTag, new KeyValuePair<string, object?>("reason", ReasonTag(outcome.Rejection)));
            Duration.Record(elapsed.TotalSeconds, kindTag, new KeyValuePair<string, object?>("outcome", "rejected"));
            StageCounters.Error();
        }
    }

    /// <summary>A bounded label for a rejection: the words before its first colon (<c>no article</c>, <c>binary</c>, …).</summary>
    public static string ReasonTag(string? rejection)
    {
        if (string.IsNullOrWhiteSpace(rejection))
        {
            return "unknown";
        }

        var colon = rejection.IndexOf(':', StringComparison.Ordinal);
        var head = (colon > 0 ? rejection[..colon] : rejection).Trim().ToLowerInvariant();
        return head.Length <= MaxReasonLength ? head : head[..MaxReasonLength];
    }
}
