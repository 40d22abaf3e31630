using System.Text.RegularExpressions;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Splits a paragraph into sentences at . ! ? (and their CJK forms), minding abbreviations and initials.</summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "gov", "sen",
        "rep", "pres", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "fig", "approx", "dept", "est",
        "mme", "mlle", "m", "bzw", "usw", "nr", "sra", "sr", "dña", "av", "pág", "sig", "ca", "z.b", "u.a",
    };

    public static IReadOnlyList<string> Split(string paragraph)
    {
        var result = new List<string>();
        var start = 0;
        foreach (Match m in Boundary().Matches(paragraph))
        {
            var end = m.Index + m.Length;
            if (m.Value[0] == '.' && IsAbbreviation(paragraph, m.Index))
            {
                continue;
            }

            Add(result, paragraph[start..end]);
            start = end;
        }

        Add(result, paragraph[start..]);
        return result;
    }

    private static void Add(List<string> result, string candidate)
    {
        var s = candidate.Trim();
        if (s.Length > 0)
        {
            result.Add(s);
        }
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var i = dot;
        while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '.'))
        {
            i--;
        }

        var word = text[i..dot];
        // Single capital initials ("J. Smith") and dotted acronyms ("U.S.") do not end a sentence.
        return word.Length == 0
            || (word.Length == 1 && char.IsUpper(word[0]))
            || word.Contains('.', StringComparison.Ordinal)
            || Abbreviations.Contains(word);
    }

    // Terminal punctuation, optional closing quotes/brackets, then space and a likely sentence start;
    // or CJK terminal punctuation anywhere.
    [GeneratedRegex(@"[.!?…]+[""”’»)\]]*(?=\s+[\p{Lu}\p{N}""“‘«¿¡(\[])|[。！？]+")]
    private static partial Regex Boundary();
}
