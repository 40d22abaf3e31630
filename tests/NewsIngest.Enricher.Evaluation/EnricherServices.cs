using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Enricher.Enrichment;

namespace NewsIngest.Enricher.Evaluation;

/// <summary>The enrichment services with default settings, as the scoring command and the benchmark use them.</summary>
public static class EnricherServices
{
    public static ServiceProvider Build() => new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddEnrichment()
        .BuildServiceProvider();
}
