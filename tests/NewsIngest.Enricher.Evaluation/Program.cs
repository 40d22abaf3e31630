using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Evaluation;

// Scores the enricher on the hard set (our labels, texts read from ../shared), one line per measure.
// Usage: dotnet run -c Release --project tests/NewsIngest.Enricher.Evaluation [-- --misses]
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
    .AddEnrichment()
    .BuildServiceProvider();
var enricher = services.GetRequiredService<ArticleEnricher>();
var score = HardSetScore.Measure(HardSetLabels.LoadAll(), enricher.Enrich);
Console.Write(score.Report(args.Contains("--misses")));
