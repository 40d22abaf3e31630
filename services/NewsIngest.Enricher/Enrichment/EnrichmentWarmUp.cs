using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Loads the enricher's data (language models, gazetteer, name lists, lexicons) and runs every step once on a short
/// article of our own, so that the first real article pays neither for the loading nor for the first compilation of the
/// steps. Call it once after the host is built and before it starts (before any bus or fetcher runs); it is no hosted
/// service, so it never races the bus.
/// </summary>
public static class EnrichmentWarmUp
{
    private static readonly ParsedArticle Sample = new()
    {
        Title = "Council opens evening classes after the flood",
        Paragraphs =
        [
            "LONDON — The city council said on Monday that at least three people were killed and 12 injured when the river flooded parts of Leeds on 4 March 2026.",
            "\"We will reopen the schools this week,\" said Mayor Ann Lee, adding that the Red Cross and the United Nations had sent help.",
        ],
    };

    /// <summary>Builds the enricher, enriches the sample once and returns the loading garbage to the system; returns how long that took.</summary>
    public static TimeSpan WarmUpEnrichment(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var started = Stopwatch.GetTimestamp();
        var enricher = services.GetRequiredService<ArticleEnricher>();
        enricher.Enrich(Sample);

        // Loading leaves tens of MB of parsed tables and lists behind: give them back before the first article.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var elapsed = Stopwatch.GetElapsedTime(started);
        services.GetService<ILoggerFactory>()?.CreateLogger(typeof(EnrichmentWarmUp).FullName!)
            .LogInformation("Enrichment data loaded and steps warmed in {LoadMs} ms: steps {EnrichmentSteps}", (long)elapsed.TotalMilliseconds, enricher.StepNames);
        return elapsed;
    }
}
