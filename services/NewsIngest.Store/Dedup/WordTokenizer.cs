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
    /// <summary>Appends the hash of every word of <paramref name="text"/> to <paramref name="words"/>, and
    /// of every number (a word with a digit, reduced to its digits and decimal point, so <c>4.2m</c> and
    /// <c>£4.2</c> agree) to <paramref name="numbers"/>.</summary>
    public static void AppendWords(string text, List<ulong> words, List<ulong> numbers)
    {
        var folded = Fold(text);
        var hash = ShingleHash.Seed;
        var number = ShingleHash.Seed;
        var length = 0;
        var digits = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                hash = ShingleHash.AddChar(hash, c);
                length++;
                if (char.IsDigit(c))
                {
                    number = ShingleHash.AddChar(number, c);
                    digits++;
                }
            }
            else if (length > 0 && IsInnerMark(folded, i))
            {
                if (c == '.')
                {
                    hash = ShingleHash.AddChar(hash, c);
                    number = ShingleHash.AddChar(number, c);
                }
            }
            else if (length > 0)
            {
                words.Add(ShingleHash.Finish(hash));
                if (digits > 0)
                {
                    numbers.Add(ShingleHash.Finish(number));
                }

                hash = number = ShingleHash.Seed;
                length = digits = 0;
            }
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
