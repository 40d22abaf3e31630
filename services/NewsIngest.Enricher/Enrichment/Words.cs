using System.Text.RegularExpressions;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Word tokens: runs of letters (with inner apostrophes and hyphens) or numbers.</summary>
public static partial class Words
{
    public static IEnumerable<Match> Matches(string text) => Token().Matches(text);

    public static IEnumerable<string> Of(string text) => Token().Matches(text).Select(m => m.Value);

    /// <summary>Counts words; Chinese/Japanese script, written without spaces, counts one word per two characters.</summary>
    public static int Count(string text)
    {
        var count = 0;
        foreach (Match m in Token().Matches(text))
        {
            var cjk = 0;
            foreach (var c in m.Value)
            {
                if (IsCjk(c))
                {
                    cjk++;
                }
            }

            count += cjk == 0 ? 1 : Math.Max(1, (cjk + 1) / 2);
        }

        return count;
    }

    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30ff') or (>= '\u3400' and <= '\u4dbf') or (>= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*")]
    private static partial Regex Token();
}
