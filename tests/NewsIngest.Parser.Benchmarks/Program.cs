using System.Globalization;
using NewsIngest.Parser.Benchmarks;
using NewsIngest.Parser.Extraction.Evaluation;
using NewsIngest.Testing;

// Compares extraction speed on the dev pages: NewsIngest's extractor vs Mozilla Readability on jsdom.
// Usage: dotnet run -c Release --project tests/NewsIngest.Parser.Benchmarks [-- ROUNDS]
//        dotnet run -c Release --project tests/NewsIngest.Parser.Benchmarks -- ROUNDS --ours-only  (no Readability run)
//        dotnet run -c Release --project tests/NewsIngest.Parser.Benchmarks -- report DEVSET_FOLDER... [--all]  (per-page scores;
//                                                                  --all lists every page, not only those below 0.8)
//        dotnet run -c Release --project tests/NewsIngest.Parser.Benchmarks -- show PAGE.html [URL]  (one page's result)
if (args.Length > 0 && args[0] == "report")
{
    var listBelow = args.Contains("--all") ? double.PositiveInfinity : 0.8;
    foreach (var folder in args.Skip(1).Where(a => a != "--all"))
    {
        Console.WriteLine($"== {folder}");
        Console.Write(DevSetEvaluation.Report(DevSetEvaluation.Run(folder), listBelow));
    }

    return;
}

if (args.Length > 1 && args[0] == "show")
{
    var article = new NewsIngest.Parser.Extraction.ArticleExtractor().Extract(
        NewsIngest.Parser.Extraction.HtmlDecoding.Decode(File.ReadAllBytes(args[1]), null), args.Length > 2 ? new Uri(args[2]) : null);
    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(article with { Html = null }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    return;
}

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var root = RepositoryPaths.Root;
var devSet = Path.Combine(RepositoryPaths.SharedData, "aeb-dev");
if (!File.Exists(Path.Combine(devSet, "ground-truth.json")))
{
    throw new DirectoryNotFoundException($"{devSet} has no ground-truth.json: the dev pages are read from ../shared beside the repository");
}

var benchFolder = Path.Combine(root, "tests", "NewsIngest.Parser.Benchmarks", "readability");

var ours = ExtractorTimer.Measure(devSet, rounds);
Console.WriteLine($"newsingest  {ours.PagesPerSecond,8:F1} pages/s  ({rounds} rounds, one thread; {ours.PagesPerCpuSecond:F1} per CPU second, {ours.AllocatedBytesPerPage / 1024:F0} KB allocated a page)");
if (args.Contains("--ours-only"))
{
    return;
}

var readability = ReadabilityRunner.PagesPerSecond(benchFolder, devSet, Math.Max(1, rounds / 5));
Console.WriteLine($"readability {readability.Wall,8:F1} pages/s  (Mozilla Readability on jsdom; {readability.Cpu:F1} per CPU second)");
Console.WriteLine($"ratio       {ours.PagesPerSecond / readability.Wall,8:F1}x  (per CPU second {ours.PagesPerCpuSecond / readability.Cpu:F1}x)");
