using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsIngest.Parser.Extraction.Evaluation;

/// <summary>One dev page scored: the shingle counts of its body and, where the gold has the field, whether each
/// metadata field matched (null when the gold has none).</summary>
public sealed record DevPageScore(
    string Id, ShingleScore.Counts Body, int PredictedChars, string? NoArticleReason,
    bool? Title, bool? Byline, bool? Published, bool? Language);

/// <summary>
/// Runs the extractor over a dev set folder (<c>ground-truth.json</c> of <c>{id: {articleBody, url, title?, byline?,
/// published?, language?}}</c> and <c>pages/ID.html</c>) and scores every page, so a change that fixes one page and
/// breaks another shows at once.
/// </summary>
public static class DevSetEvaluation
{
    public static IReadOnlyList<DevPageScore> Run(string folder, ArticleExtractor? extractor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        extractor ??= new ArticleExtractor();
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "ground-truth.json")));
        var scores = new List<DevPageScore>();
        foreach (var page in truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var gold = page.Value;
            var html = HtmlDecoding.Decode(File.ReadAllBytes(Path.Combine(folder, "pages", page.Name + ".html")), null);
            var url = Uri.TryCreate(Text(gold, "url"), UriKind.Absolute, out var u) ? u : null;
            var article = extractor.Extract(html, url);
            scores.Add(new DevPageScore(
                page.Name,
                ShingleScore.PageCounts(Text(gold, "articleBody") ?? string.Empty, article.Text),
                article.Text.Length,
                article.NoArticleReason,
                Text(gold, "title") is { } title ? MetadataMatch.Title(title, article.Title) : null,
                Text(gold, "byline") is { } byline ? MetadataMatch.Byline(byline, article.Authors) : null,
                Text(gold, "published") is { } published ? MetadataMatch.Published(published, article.Published) : null,
                Text(gold, "language") is { } language ? MetadataMatch.Language(language, article.Language) : null));
        }

        return scores;
    }

    public static ShingleScore.Result Aggregate(IReadOnlyList<DevPageScore> pages) =>
        ShingleScore.Aggregate(pages.Select(p => p.Body).ToList());

    /// <summary>The share of pages whose gold has the field that matched, and how many had it.</summary>
    public static (double Accuracy, int Pages) Accuracy(IReadOnlyList<DevPageScore> pages, Func<DevPageScore, bool?> field)
    {
        var judged = pages.Select(field).Where(v => v is not null).ToList();
        return (judged.Count == 0 ? 0 : judged.Count(v => v == true) / (double)judged.Count, judged.Count);
    }

    /// <summary>A plain-text report: pages below <paramref name="listBelow"/> worst first, metadata misses, totals.</summary>
    public static string Report(IReadOnlyList<DevPageScore> pages, double listBelow = 0.8)
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"{"F1",6} {"P",6} {"R",6} {"chars",7}  page");
        foreach (var p in pages.OrderBy(p => ShingleScore.PageF1(p.Body)).Where(p => ShingleScore.PageF1(p.Body) < listBelow))
        {
            sb.AppendLine(c, $"{ShingleScore.PageF1(p.Body),6:F3} {ShingleScore.Precision(p.Body),6:F3} {ShingleScore.Recall(p.Body),6:F3} {p.PredictedChars,7}  {p.Id}{(p.NoArticleReason is null ? string.Empty : "  (no article: " + p.NoArticleReason + ")")}");
        }

        foreach (var (name, field) in Fields)
        {
            var misses = pages.Where(p => field(p) == false).Select(p => p.Id).ToList();
            if (misses.Count > 0)
            {
                sb.AppendLine(c, $"{name} misses: {string.Join(' ', misses)}");
            }
        }

        var total = Aggregate(pages);
        sb.Append(c, $"F1={total.F1:F3} P={total.Precision:F3} R={total.Recall:F3} N={pages.Count} below0.5={pages.Count(p => ShingleScore.PageF1(p.Body) < 0.5)} below{listBelow:0.##}={pages.Count(p => ShingleScore.PageF1(p.Body) < listBelow)}");
        foreach (var (name, field) in Fields)
        {
            var (accuracy, count) = Accuracy(pages, field);
            if (count > 0)
            {
                sb.Append(c, $" {name}={accuracy:F3}/{count}");
            }
        }

        return sb.AppendLine().ToString();
    }

    private static readonly (string Name, Func<DevPageScore, bool?> Field)[] Fields =
    [
        ("title", p => p.Title), ("byline", p => p.Byline), ("published", p => p.Published), ("language", p => p.Language),
    ];

    private static string? Text(JsonElement gold, string name) =>
        gold.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
