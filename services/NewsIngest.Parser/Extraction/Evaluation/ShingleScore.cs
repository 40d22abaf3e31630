using System.Globalization;
using System.Text;

namespace NewsIngest.Parser.Extraction.Evaluation;

/// <summary>
/// The article-extraction benchmark's metric, as the dev set's score.py computes it: word 4-gram multisets per
/// page, (tp, fp, fn) normalised per page, precision and recall averaged over pages (an empty prediction only
/// costs recall), F1 of the two means. Tokens are Python's <c>\w+</c>: letters, numbers and underscore, by code point.
/// </summary>
public static class ShingleScore
{
    private const int N = 4;

    public readonly record struct Counts(double Tp, double Fp, double Fn);

    public readonly record struct Result(double F1, double Precision, double Recall);

    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    public static Counts PageCounts(string truth, string prediction)
    {
        var t = Shingles(truth);
        var p = Shingles(prediction);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in t.Keys.Union(p.Keys))
        {
            var a = t.GetValueOrDefault(key);
            var b = p.GetValueOrDefault(key);
            tp += Math.Min(a, b);
            fp += Math.Max(0, b - a);
            fn += Math.Max(0, a - b);
        }

        var s = tp + fp + fn;
        return s > 0 ? new Counts(tp / s, fp / s, fn / s) : new Counts(0, 0, 0);
    }

    public static Result Aggregate(IReadOnlyList<Counts> pages)
    {
        var precisions = pages.Where(c => c.Tp + c.Fp > 0).Select(Precision).ToList();
        var recalls = pages.Where(c => c.Tp + c.Fn > 0).Select(Recall).ToList();
        var p = precisions.Count > 0 ? precisions.Average() : 0;
        var r = recalls.Count > 0 ? recalls.Average() : 0;
        return new Result(p + r > 0 ? 2 * p * r / (p + r) : 0, p, r);
    }

    /// <summary>F1 of one page's precision and recall.</summary>
    public static double PageF1(Counts c)
    {
        var p = Precision(c);
        var r = Recall(c);
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }

    public static double Precision(Counts c) =>
        c.Fp == 0 && c.Fn == 0 ? 1.0 : c.Tp == 0 && c.Fp == 0 ? 0.0 : c.Tp / (c.Tp + c.Fp);

    public static double Recall(Counts c) =>
        c.Fp == 0 && c.Fn == 0 ? 1.0 : c.Tp == 0 && c.Fn == 0 ? 0.0 : c.Tp / (c.Tp + c.Fn);

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return counts;
        }

        if (tokens.Length < N)
        {
            counts[string.Join('\u0001', tokens)] = 1;
            return counts;
        }

        for (var i = 0; i + N <= tokens.Length; i++)
        {
            var key = string.Join('\u0001', tokens, i, N);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>Python's <c>str.isalnum()</c> or underscore: letters (L*) and numbers (Nd, Nl, No).</summary>
    private static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
                UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or
                UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
