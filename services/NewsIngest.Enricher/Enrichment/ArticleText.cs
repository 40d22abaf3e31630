using System.Text.RegularExpressions;
using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>The article's text prepared once for every step: paragraphs, sentences and words.</summary>
public sealed partial class ArticleText
{
    private ArticleText(string title, IReadOnlyList<string> paragraphs)
    {
        Title = title;
        Paragraphs = paragraphs;
        Body = string.Join("\n", paragraphs);
        var sentences = new List<Sentence>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            foreach (var s in SentenceSplitter.Split(paragraphs[p]))
            {
                sentences.Add(new Sentence(s, p, sentences.Count));
            }
        }

        Sentences = sentences;
    }

    public string Title { get; }
    public IReadOnlyList<string> Paragraphs { get; }

    /// <summary>The paragraphs joined by newlines (no title).</summary>
    public string Body { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Title and body together, for steps that look at the whole article.</summary>
    public string Full => Title.Length == 0 ? Body : Title + "\n" + Body;

    public static ArticleText From(ParsedArticle article)
    {
        var paragraphs = article.Paragraphs
            .Select(p => WhiteSpace().Replace(p, " ").Trim())
            .Where(p => p.Length > 0)
            .ToList();

        // A plain-text wire article may still carry its "Source: NAME" trailer; it is not body text.
        if (paragraphs.Count > 1 && SourceTrailer().IsMatch(paragraphs[^1]))
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return new ArticleText(WhiteSpace().Replace(article.Title, " ").Trim(), paragraphs);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^Source:\s*\S.{0,80}$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceTrailer();
}
