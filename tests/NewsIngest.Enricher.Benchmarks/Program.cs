using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Evaluation;
using NewsIngest.Parser.Text;
using NewsIngest.Testing;

// Enrichment throughput on one core: start-up (services, data, language models) to the first enriched
// article, then every step on the seed article (~800 words, read at run time) N times, and peak memory.
// Usage: dotnet run -c Release --project tests/NewsIngest.Enricher.Benchmarks [-- ARTICLES]
var articles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var seedPath = Path.Combine(RepositoryPaths.SharedData, "samples", "seed-article.txt");
var seed = PlainTextArticleReader.Read(File.ReadAllText(seedPath));
var article = new ParsedArticle { Title = seed.Title, Paragraphs = seed.Paragraphs, Source = seed.Source };

var startup = Stopwatch.StartNew();
var services = EnricherServices.Build();
var enricher = services.GetRequiredService<ArticleEnricher>();
var first = enricher.Enrich(article);
startup.Stop();
Console.WriteLine($"start-up to first article  {startup.Elapsed.TotalSeconds,8:F2} s  ({first.WordCount} words, {first.Entities.Count} entities)");

// Warm-up: the JIT compiles what the first articles reach (the first article above is the cold-start figure).
for (var i = 0; i < Math.Min(articles, 300); i++)
{
    enricher.Enrich(article);
}

var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var allocated = GC.GetAllocatedBytesForCurrentThread();
var clock = Stopwatch.StartNew();
for (var i = 0; i < articles; i++)
{
    enricher.Enrich(article);
}

clock.Stop();
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
var allocatedPerArticle = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)articles;
Console.WriteLine($"all steps                  {articles / clock.Elapsed.TotalSeconds,8:F1} articles/s wall, {articles / cpuSeconds,8:F1} per CPU-second ({articles} articles, one thread)");
Console.WriteLine($"  per article              {cpuSeconds * 1000 / articles,8:F3} CPU ms, {allocatedPerArticle / 1024,8:F1} KB allocated");
// Where the time goes: the same steps in the same order, each timed on its own.
var steps = services.GetServices<IEnrichmentStep>().ToList();
var perStep = new double[steps.Count];
var perStepBytes = new long[steps.Count];
var sampled = Math.Max(1, articles / 5);
for (var i = 0; i < sampled; i++)
{
    var context = new EnrichmentContext(article);
    for (var s = 0; s < steps.Count; s++)
    {
        var started = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        steps[s].Apply(context);
        perStep[s] += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        perStepBytes[s] += GC.GetAllocatedBytesForCurrentThread() - bytes;
    }
}

for (var s = 0; s < steps.Count; s++)
{
    Console.WriteLine($"  {steps[s].Name,-12} {perStep[s] / sampled,8:F3} ms/article {perStepBytes[s] / 1024.0 / sampled,8:F1} KB");
}

Console.WriteLine($"peak resident memory       {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0,8:F0} MB");
