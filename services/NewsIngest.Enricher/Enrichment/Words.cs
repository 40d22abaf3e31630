using System.Text.RegularExpressions;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Word tokens: runs of letters (with inner apostrophes and hyphens) or numbers.</summary>
public static partial class Words
{
    /// <summary>The words of a text in order, each read out and lower-cased once (steps share them through <see cref="ArticleText.WordsOf"/>).</summary>
    public static WordToken[] Tokenize(string text)
    {
        var tokens = new List<WordToken>();
        foreach (var m in Token().EnumerateMatches(text))
        {
            var value = text.Substring(m.Index, m.Length);
            tokens.Add(new WordToken(m.Index, value, value.ToLowerInvariant()));
        }

        return [.. tokens];
    }

    /// <summary>Counts words; Chinese/Japanese script, written without spaces, counts one word per two characters.</summary>
    public static int Count(string text)
    {
        var count = 0;
        foreach (var m in Token().EnumerateMatches(text))
        {
            count += Weight(text.AsSpan(m.Index, m.Length));
        }

        return count;
    }

    /// <summary>Counts the words of a tokenised text, as <see cref="Count(string)"/> does.</summary>
    public static int Count(IReadOnlyList<WordToken> tokens)
    {
        var count = 0;
        foreach (var token in tokens)
        {
            count += Weight(token.Value);
        }

        return count;
    }

    private static int Weight(ReadOnlySpan<char> word)
    {
        var cjk = 0;
        foreach (var c in word)
        {
            if (IsCjk(c))
            {
                cjk++;
            }
        }

        return cjk == 0 ? 1 : Math.Max(1, (cjk + 1) / 2);
    }

    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30ff') or (>= '\u3400' and <= '\u4dbf') or (>= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*")]
    private static partial Regex Token();
}
