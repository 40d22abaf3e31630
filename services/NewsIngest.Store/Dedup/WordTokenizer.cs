using System.Globalization;
using System.Text;

namespace NewsIngest.Store.Dedup;

/// <summary>
/// Splits text into word hashes for shingling: compatibility-normalised, accents dropped, case-folded;
/// apostrophes vanish inside a word (<c>don't</c> = <c>dont</c>, curly or straight), digit groups keep
/// their decimal point and lose their thousands separator (<c>7,500</c> = <c>7500</c>, <c>1.5</c> stays).
/// </summary>
internal static class WordTokenizer
{
    public static void AppendWords(string text, List<ulong> words)
    {
        var folded = Fold(text);
        var hash = ShingleHash.Seed;
        var length = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                hash = ShingleHash.AddChar(hash, c);
                length++;
            }
            else if (length > 0 && IsInnerMark(folded, i))
            {
                if (c == '.')
                {
                    hash = ShingleHash.AddChar(hash, c);
                }
            }
            else if (length > 0)
            {
                words.Add(ShingleHash.Finish(hash));
                hash = ShingleHash.Seed;
                length = 0;
            }
        }

        if (length > 0)
        {
            words.Add(ShingleHash.Finish(hash));
        }
    }

    private static bool IsInnerMark(string text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return false;
        }

        var c = text[i];
        var before = text[i - 1];
        var after = text[i + 1];
        return c switch
        {
            '\'' or '\u2019' or '\u02BC' => char.IsLetter(before) && char.IsLetter(after),
            ',' or '.' => char.IsDigit(before) && char.IsDigit(after),
            _ => false,
        };
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
