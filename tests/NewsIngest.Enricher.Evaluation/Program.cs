using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Evaluation;

// Scores the enricher on the hard set (our labels, texts read from ../shared), one line per measure.
// Usage: dotnet run -c Release --project tests/NewsIngest.Enricher.Evaluation [-- --misses]
var services = EnricherServices.Build();
var enricher = services.GetRequiredService<ArticleEnricher>();
var only = Array.IndexOf(args, "--article") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
if (only is not null)
{
    // One article (of the hard set, or a text file: title on the first line) and what the enricher found in it.
    var chosen = File.Exists(only)
        ? [("file", new NewsIngest.Contracts.ParsedArticle { Title = File.ReadLines(only).First(), Paragraphs = File.ReadLines(only).Skip(1).Where(l => l.Trim().Length > 0).ToList() })]
        : HardSetLabels.LoadAll().Where(a => a.Id.StartsWith(only, StringComparison.Ordinal)).Select(a => (a.Id, a.Article!)).ToList();
    foreach (var (id, article) in chosen)
    {
        var result = enricher.Enrich(article);
        Console.WriteLine($"{id}: {article.Title}");
        Console.WriteLine($"  keywords {string.Join(", ", result.Keywords)}");
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

var score = HardSetScore.Measure(HardSetLabels.LoadAll(), enricher.Enrich);
Console.Write(score.Report(args.Contains("--misses")));
