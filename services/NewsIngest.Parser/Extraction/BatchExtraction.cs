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

    /// <summary>
    /// Extracts every page of the list; a line that cannot be read (bad line, missing file) is reported to
    /// <paramref name="onFailure"/> with its line number and skipped, and the rest go on.
    /// </summary>
    /// <returns>How many pages were written and how many lines failed.</returns>
    public static BatchResult Run(string listTsv, string outDir, Action<int, string>? onFailure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(listTsv);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        Directory.CreateDirectory(outDir);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(listTsv)) ?? ".";
        var extractor = new ArticleExtractor();
        var count = 0;
        var failed = 0;
        var number = 0;
        foreach (var line in File.ReadLines(listTsv))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                ExtractLine(line, baseDir, outDir, extractor);
                count++;
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                failed++;
                if (onFailure is null)
                {
                    throw;
                }

                onFailure(number, ex.Message);
            }
        }

        return new BatchResult(count, failed);
    }

    private static void ExtractLine(string line, string baseDir, string outDir, ArticleExtractor extractor)
    {
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
    }

    /// <summary>What a batch did: pages written, lines that failed.</summary>
    public sealed record BatchResult(int Written, int Failed);

    private sealed record BatchOutput(
        string? Title, IReadOnlyList<string> Authors, DateTimeOffset? Published, DateTimeOffset? Modified, string? CanonicalUrl,
        string? SiteName, string? Description, string? LeadImage, IReadOnlyList<string> Tags, string? Language, string Text, string? Html);
}
