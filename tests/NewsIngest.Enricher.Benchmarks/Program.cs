using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Parser.Text;

// Enrichment throughput on one core: start-up (services, data, language models) to the first enriched
// article, then every step on the seed article (~800 words, read at run time) N times, and peak memory.
// Usage: dotnet run -c Release --project tests/NewsIngest.Enricher.Benchmarks [-- ARTICLES]
var articles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var seedPath = Path.Combine(FindRoot(), "..", "shared", "samples", "seed-article.txt");
var seed = PlainTextArticleReader.Read(File.ReadAllText(seedPath));
var article = new ParsedArticle { Title = seed.Title, Paragraphs = seed.Paragraphs, Source = seed.Source };

var startup = Stopwatch.StartNew();
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
    .AddEnrichment()
    .BuildServiceProvider();
var enricher = services.GetRequiredService<ArticleEnricher>();
var first = enricher.Enrich(article);
startup.Stop();
Console.WriteLine($"start-up to first article  {startup.Elapsed.TotalSeconds,8:F2} s  ({first.WordCount} words, {first.Entities.Count} entities)");

var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
for (var i = 0; i < articles; i++)
{
    enricher.Enrich(article);
}

clock.Stop();
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
Console.WriteLine($"all steps                  {articles / clock.Elapsed.TotalSeconds,8:F1} articles/s wall, {articles / cpuSeconds,8:F1} per CPU-second ({articles} articles, one thread)");
Console.WriteLine($"peak resident memory       {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0,8:F0} MB");

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "NewsIngest.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("NewsIngest.sln not found above " + AppContext.BaseDirectory);
}
