using System.Diagnostics.Metrics;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Enricher.Telemetry;

/// <summary>The enricher's meter (<c>NewsIngest.Enricher</c>): articles enriched, duration per step and in all, failed steps.</summary>
public static class EnricherMetrics
{
    public const string Name = TelemetryNames.Prefix + "Enricher";

    private static readonly Meter Meter = new(Name, ServiceVersion.Current);

    private static readonly Counter<long> Enriched = Meter.CreateCounter<long>(
        "newsingest.enricher.articles.enriched", "{article}", "Articles enriched and published to the store, by whether a step failed");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "newsingest.enricher.enrich.duration", "s", "Time to enrich one article, all steps");

    private static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>(
        "newsingest.enricher.step.duration", "s", "Time one enrichment step took on one article, by step");

    private static readonly Counter<long> StepsFailed = Meter.CreateCounter<long>(
        "newsingest.enricher.steps.failed", "{step}", "Enrichment steps that threw (the article goes on partially enriched), by step");

    /// <summary>Every counter at 0 (see <see cref="CounterBaseline"/>).</summary>
    public static void RecordBaseline()
    {
        Enriched.Add(0);
        StepsFailed.Add(0);
    }

    public static void RecordStep(string step, TimeSpan elapsed, bool failed)
    {
        var tag = new KeyValuePair<string, object?>("step", step);
        StepDuration.Record(elapsed.TotalSeconds, tag);
        if (failed)
        {
            StepsFailed.Add(1, tag);
        }
    }

    public static void RecordArticle(TimeSpan elapsed, int failedSteps)
    {
        Enriched.Add(1, new KeyValuePair<string, object?>("partial", failedSteps > 0));
        Duration.Record(elapsed.TotalSeconds);
        StageCounters.In();
        StageCounters.Out();
        if (failedSteps > 0)
        {
            StageCounters.Error(failedSteps);
        }
    }
}
