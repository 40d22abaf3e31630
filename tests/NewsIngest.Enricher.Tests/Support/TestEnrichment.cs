using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Enricher.Enrichment;

namespace NewsIngest.Enricher.Tests.Support;

/// <summary>Shared, read-only enrichment services (loading the data once keeps the tests fast).</summary>
public static class TestEnrichment
{
    private static readonly Lazy<ServiceProvider> Default = new(() => Build(new Dictionary<string, string?>()));

    public static ArticleEnricher Enricher => Default.Value.GetRequiredService<ArticleEnricher>();
    public static StopWords StopWords => Default.Value.GetRequiredService<StopWords>();
    public static TrigramLanguageDetector Detector => Default.Value.GetRequiredService<TrigramLanguageDetector>();

    public static IReadOnlyList<IEnrichmentStep> AllSteps => Default.Value.GetServices<IEnrichmentStep>().ToList();

    public static T Get<T>()
        where T : notnull => Default.Value.GetRequiredService<T>();

    public static TStep Step<TStep>()
        where TStep : IEnrichmentStep => Default.Value.GetServices<IEnrichmentStep>().OfType<TStep>().Single();

    /// <summary>A fresh provider with the given configuration (for option tests).</summary>
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddEnrichment();
        return services.BuildServiceProvider();
    }
}
