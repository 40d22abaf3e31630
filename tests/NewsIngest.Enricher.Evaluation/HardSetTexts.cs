using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Evaluation;

/// <summary>
/// Builds the article the enricher is given from a dev page in ../shared: the set's human-checked body (first
/// paragraphs up to a budget) and title, as CONVENTIONS.md describes. Nothing of the text is kept in the repository.
/// </summary>
public sealed partial class HardSetTexts(string sharedFolder)
{
    public const int DefaultBudget = 1000;

    private readonly Dictionary<string, Dictionary<string, JsonElement>> _truth = new(StringComparer.Ordinal);

    public ParsedArticle Read(string set, string idPrefix, int budget)
    {
        var truth = Truth(set);
        var keys = truth.Keys.Where(k => k.StartsWith(idPrefix, StringComparison.Ordinal)).ToList();
        var key = keys.Count == 1 ? keys[0] : keys.SingleOrDefault(k => k == idPrefix)
            ?? throw new InvalidOperationException($"'{idPrefix}' names {keys.Count} pages of {set}.");
        var page = truth[key];
        var title = page.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : PageTitle(set, key);
        return new ParsedArticle
        {
            Title = Normalise(title),
            Paragraphs = Paragraphs(page.GetProperty("articleBody").GetString() ?? string.Empty, budget),
            Url = page.TryGetProperty("url", out var url) ? url.GetString() : null,
        };
    }

    public static List<string> Paragraphs(string body, int budget)
    {
        var kept = new List<string>();
        var total = 0;
        foreach (var line in body.Split('\n').Select(Normalise).Where(l => l.Length > 0))
        {
            if (kept.Count > 0 && total + line.Length > budget)
            {
                break;
            }

            kept.Add(line);
            total += line.Length;
        }

        return kept;
    }

    private string PageTitle(string set, string key)
    {
        var html = File.ReadAllText(Path.Combine(sharedFolder, set, "pages", key + ".html"));
        var m = OgTitle().Match(html);
        if (!m.Success)
        {
            m = OgTitleReversed().Match(html);
        }

        var title = m.Success ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : TitleElement().Match(html).Groups[1].Value;
        title = Normalise(WebUtility.HtmlDecode(title));
        var site = SiteSuffix().Match(title);
        return site.Success ? site.Groups[1].Value : title;
    }

    private Dictionary<string, JsonElement> Truth(string set)
    {
        if (!_truth.TryGetValue(set, out var truth))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(sharedFolder, set, "ground-truth.json")));
            truth = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            _truth[set] = truth;
        }

        return truth;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("""<meta\s[^>]*?property=["']og:title["'][^>]*?content=(?:"([^"]*)"|'([^']*)')""", RegexOptions.IgnoreCase)]
    private static partial Regex OgTitle();

    [GeneratedRegex("""<meta\s[^>]*?content=(?:"([^"]*)"|'([^']*)')[^>]*?property=["']og:title["']""", RegexOptions.IgnoreCase)]
    private static partial Regex OgTitleReversed();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex(@"^(.*\S)\s+[|\-–—]\s+([^|\-–—]{1,25})$")]
    private static partial Regex SiteSuffix();
}
