using Microsoft.Extensions.DependencyInjection;

namespace NewsIngest.Enricher.Enrichment;

public static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the enrichment steps (in the order they run: later steps read what earlier ones found),
    /// their shared data and <see cref="ArticleEnricher"/>, all singletons; options from section <c>Enrichment</c>.
    /// </summary>
    public static IServiceCollection AddEnrichment(this IServiceCollection services)
    {
        services.AddOptions<EnrichmentOptions>().BindConfiguration(EnrichmentOptions.Section);

        services.AddSingleton(_ => TrigramLanguageDetector.Load());
        services.AddSingleton(_ => StopWords.Load());
        services.AddSingleton(_ => Gazetteer.Load());
        services.AddSingleton(_ => FirstNames.Load());
        services.AddSingleton(_ => NameBase.Load());
        services.AddSingleton(_ => SentimentLexicon.Load());
        services.AddSingleton(_ => CategoryLexicon.Create());

        services.AddSingleton<IEnrichmentStep, LanguageStep>();
        services.AddSingleton<IEnrichmentStep, StatisticsStep>();
        services.AddSingleton<IEnrichmentStep, SummaryStep>();
        services.AddSingleton<IEnrichmentStep, EntityStep>();
        services.AddSingleton<IEnrichmentStep, KeywordStep>();
        services.AddSingleton<IEnrichmentStep, CategoryStep>();
        services.AddSingleton<IEnrichmentStep, ToneStep>();
        services.AddSingleton<IEnrichmentStep, EventStep>();
        services.AddSingleton<IEnrichmentStep, DateStep>();
        services.AddSingleton<IEnrichmentStep, QuoteStep>();

        services.AddSingleton<ArticleEnricher>();
        return services;
    }
}
