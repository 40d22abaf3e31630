using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Enricher.Enrichment;

namespace NewsIngest.Enricher.Tests;

public sealed class EnrichmentWarmUpTests
{
    [Fact]
    public void WarmUpEnrichment_FreshServices_BuildsTheEnricherOnce()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddEnrichment()
            .BuildServiceProvider();

        var elapsed = services.WarmUpEnrichment();

        elapsed.ShouldBeGreaterThan(TimeSpan.Zero);
        services.GetRequiredService<ArticleEnricher>().ShouldBeSameAs(services.GetRequiredService<ArticleEnricher>());
        services.GetRequiredService<ArticleEnricher>().Enrich(new NewsIngest.Contracts.ParsedArticle { Title = "Storm closes schools", Paragraphs = ["Heavy snow closed every school in the district on Tuesday, officials said."] })
            .Language.ShouldBe("en");
    }
}
