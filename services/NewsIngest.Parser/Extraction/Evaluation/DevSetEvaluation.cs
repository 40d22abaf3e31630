using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsIngest.Parser.Extraction.Evaluation;

/// <summary>One metadata field of one page: the gold value, ours, and whether they match.</summary>
public sealed record FieldCheck(string Field, string Gold, string? Ours, bool Match);

/// <summary>One dev page scored: the shingle counts of its body and the metadata fields the gold has.</summary>
public sealed record DevPageScore(string Id, ShingleScore.Counts Body, int PredictedChars, string? NoArticleReason, IReadOnlyList<FieldCheck> Fields)
{
    /// <summary>Whether the field matched; null when the gold has no value for it.</summary>
    public bool? Matched(string field) => Fields.FirstOrDefault(f => f.Field == field)?.Match;
}

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
            var fields = new List<FieldCheck>();
            if (Text(gold, "title") is { } title)
            {
                fields.Add(new FieldCheck("title", title, article.Title, MetadataMatch.Title(title, article.Title)));
                fields.Add(new FieldCheck("title-exact", title, article.Title, MetadataMatch.TitleExact(title, article.Title)));
            }

            if (Text(gold, "byline") is { } byline)
            {
                fields.Add(new FieldCheck("byline", byline, string.Join("; ", article.Authors), MetadataMatch.Byline(byline, article.Authors)));
            }

            if (Text(gold, "published") is { } published)
            {
                fields.Add(new FieldCheck("published", published, article.Published?.ToString("o", CultureInfo.InvariantCulture), MetadataMatch.Published(published, article.Published)));
            }

            if (Text(gold, "language") is { } language)
            {
                fields.Add(new FieldCheck("language", language, article.Language, MetadataMatch.Language(language, article.Language)));
            }

            scores.Add(new DevPageScore(
                page.Name, ShingleScore.PageCounts(Text(gold, "articleBody") ?? string.Empty, article.Text), article.Text.Length,
                article.NoArticleReason, fields));
        }

        return scores;
    }

    public static ShingleScore.Result Aggregate(IReadOnlyList<DevPageScore> pages) =>
        ShingleScore.Aggregate(pages.Select(p => p.Body).ToList());

    /// <summary>The share of pages whose gold has the field that matched, and how many had it.</summary>
    public static (double Accuracy, int Pages) Accuracy(IReadOnlyList<DevPageScore> pages, string field)
    {
        var judged = pages.Select(p => p.Matched(field)).Where(v => v is not null).ToList();
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

        foreach (var miss in pages.SelectMany(p => p.Fields.Where(f => !f.Match && f.Field != "title-exact").Select(f => (p.Id, f))).OrderBy(m => m.f.Field, StringComparer.Ordinal))
        {
            sb.AppendLine(c, $"{miss.f.Field} miss {miss.Id}: gold \"{Flat(miss.f.Gold)}\" ours \"{Flat(miss.f.Ours ?? string.Empty)}\"");
        }

        var total = Aggregate(pages);
        sb.Append(c, $"F1={total.F1:F3} P={total.Precision:F3} R={total.Recall:F3} N={pages.Count} below0.5={pages.Count(p => ShingleScore.PageF1(p.Body) < 0.5)} below0.8={pages.Count(p => ShingleScore.PageF1(p.Body) < 0.8)}");
        foreach (var name in FieldNames)
        {
            var (accuracy, count) = Accuracy(pages, name);
            if (count > 0)
            {
                sb.Append(c, $" {name}={accuracy:F3}/{count}");
            }
        }

        return sb.AppendLine().ToString();
    }

    private static readonly string[] FieldNames = ["title", "title-exact", "byline", "published", "language"];

    private static string Flat(string s)
    {
        var flat = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 160 ? flat[..160] + "…" : flat;
    }

    private static string? Text(JsonElement gold, string name) =>
        gold.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
