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

    /// <summary>
    /// Words (lower-cased) that the body only ever writes with a capital inside a sentence: words of names
    /// ("wars" of "Star Wars"), which say nothing of the topic or the tone, also where a headline capitalises them.
    /// </summary>
    public IReadOnlySet<string> NameWords => _nameWords ??= FindNameWords(Sentences);

    /// <summary>Title and body together, for steps that look at the whole article.</summary>
    public string Full => Title.Length == 0 ? Body : Title + "\n" + Body;

    private IReadOnlySet<string>? _nameWords;

    /// <summary>The title's, a paragraph's or a sentence's words (any text: a feed tag too), tokenised once for all steps.</summary>
    public IReadOnlyList<WordToken> WordsOf(string text)
    {
        if (!_words.TryGetValue(text, out var tokens))
        {
            tokens = Words.Tokenize(text);
            _words[text] = tokens;
        }

        return tokens;
    }

    private readonly Dictionary<string, WordToken[]> _words = new(ReferenceEqualityComparer.Instance);

    private HashSet<string> FindNameWords(IReadOnlyList<Sentence> sentences)
    {
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        var lower = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            var first = true;
            foreach (var token in WordsOf(sentence.Text))
            {
                var word = token.Value;
                if (char.IsLower(word[0]))
                {
                    lower.Add(word);
                }
                else if (!first && char.IsUpper(word[0]) && !IsAllUpper(word))
                {
                    capitalised.Add(token.Lower);
                }

                first = false;
            }
        }

        capitalised.ExceptWith(lower);
        return capitalised;
    }

    private static bool IsAllUpper(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

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
