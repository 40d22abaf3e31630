using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsIngest.Parser.Extraction;

/// <summary>
/// Extracts many saved pages in one process. The list has one page a line, <c>ID&lt;TAB&gt;FILE&lt;TAB&gt;URL</c>
/// (FILE relative to the list's folder unless absolute, URL optional); each result goes to <c>outDir/ID.json</c>.
/// </summary>
public static class BatchExtraction
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <returns>The number of pages written.</returns>
    public static int Run(string listTsv, string outDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(listTsv);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        Directory.CreateDirectory(outDir);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(listTsv)) ?? ".";
        var extractor = new ArticleExtractor();
        var count = 0;
        foreach (var line in File.ReadLines(listTsv))
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 2)
            {
                throw new FormatException($"Expected ID<TAB>FILE<TAB>URL, got: {line}");
            }

            var id = fields[0].Trim();
            if (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new FormatException($"Invalid page id: {id}");
            }

            var file = Path.Combine(baseDir, fields[1].Trim());
            var url = fields.Length > 2 && Uri.TryCreate(fields[2].Trim(), UriKind.Absolute, out var u) ? u : null;
            var html = HtmlDecoding.Decode(File.ReadAllBytes(file), null);
            var article = extractor.Extract(html, url);
            var output = new BatchOutput(
                article.Title, article.Authors, article.Published, article.Modified, article.CanonicalUrl, article.SiteName,
                article.Description, article.LeadImage, article.Tags, article.Language, article.Text, article.Html);
            File.WriteAllText(Path.Combine(outDir, id + ".json"), JsonSerializer.Serialize(output, JsonOptions));
            count++;
        }

        return count;
    }

    private sealed record BatchOutput(
        string? Title, IReadOnlyList<string> Authors, DateTimeOffset? Published, DateTimeOffset? Modified, string? CanonicalUrl,
        string? SiteName, string? Description, string? LeadImage, IReadOnlyList<string> Tags, string? Language, string Text, string? Html);
}
