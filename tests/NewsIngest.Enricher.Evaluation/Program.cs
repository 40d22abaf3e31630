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
var articles = HardSetLabels.LoadAll();
var only = Array.IndexOf(args, "--article") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
if (only is not null)
{
    // One article as the enricher sees it and what it found (for looking into a miss).
    foreach (var article in articles.Where(a => a.Id.StartsWith(only, StringComparison.Ordinal)))
    {
        var result = enricher.Enrich(article.Article!);
        Console.WriteLine($"{article.Id}: {article.Article!.Title}");
        Console.WriteLine($"  categories {string.Join(", ", result.Categories.Select(c => $"{c.Code} {c.Score}"))}; tone {result.Tone}");
        foreach (var e in result.Entities)
        {
            Console.WriteLine($"  {e.Type} {e.Name} [{string.Join(" | ", e.Aliases)}] {e.CountryCode}");
        }

        foreach (var e in result.Events)
        {
            Console.WriteLine($"  count {e.Kind} {e.Count} at {e.Location}");
        }
    }

    return;
}

var score = HardSetScore.Measure(articles, enricher.Enrich);
Console.Write(score.Report(args.Contains("--misses")));
