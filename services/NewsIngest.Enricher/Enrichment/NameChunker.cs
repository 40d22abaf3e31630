using System.Text.RegularExpressions;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Finds runs of capitalised words (candidate names) in a sentence.</summary>
public static partial class NameChunker
{
    /// <summary>Stop words that often begin a name ("New York", "General Motors"), so are kept at a sentence start.</summary>
    private static readonly HashSet<string> NameStarters = new(StringComparer.OrdinalIgnoreCase)
    {
        "new", "north", "south", "east", "west", "general", "united", "state", "great", "grand", "central", "national",
        "royal", "saint", "san", "santa", "first", "upper", "lower", "old", "little", "big", "long",
    };

    /// <summary>Articles that are capitalised inside a sentence only as part of a title ("The Hague" aside).</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "The", "A", "An" };

    public static List<NameChunk> Chunk(Sentence sentence, IReadOnlySet<string> stopWords)
    {
        var text = sentence.Text;
        var tokens = Token().Matches(text).ToList();
        var chunks = new List<NameChunk>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsCapitalised(tokens[i].Value))
            {
                i++;
                continue;
            }

            var start = i;
            var end = i; // inclusive
            while (end + 1 < tokens.Count && Joins(text, tokens, end))
            {
                end++;
            }

            i = end + 1;
            var chunk = Build(sentence, tokens, start, end, stopWords);
            if (chunk is not null)
            {
                chunks.Add(chunk);
            }
        }

        return chunks;
    }

    public static bool IsAcronym(string word) =>
        word.Length is >= 2 and <= 6 && char.IsUpper(word[0]) && word.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '.');

    private static bool IsCapitalised(string word) =>
        char.IsUpper(word[0]) || ParticlePrefixed().IsMatch(word);

    private static bool Joins(string text, List<Match> tokens, int last)
    {
        var current = tokens[last];
        var next = tokens[last + 1];
        var gap = text[(current.Index + current.Length)..next.Index];
        var initial = current.Value.Length == 1 && char.IsUpper(current.Value[0]) && gap == ". ";
        if (!initial && (gap.Length == 0 || gap.Any(c => !char.IsWhiteSpace(c))))
        {
            return false;
        }

        if (IsCapitalised(next.Value))
        {
            return true;
        }

        // A particle ("bin", "von der") or "of" after an organisation head joins when a capital follows.
        var joinsWord = EntityLexicon.NameParticles.Contains(next.Value)
            || (next.Value is "of" or "for" or "on" && EntityLexicon.OfHeads.Contains(Possessive(current.Value)));
        if (!joinsWord)
        {
            return false;
        }

        var k = last + 2;
        while (k < tokens.Count && EntityLexicon.NameParticles.Contains(tokens[k].Value))
        {
            k++;
        }

        return k < tokens.Count && IsCapitalised(tokens[k].Value) && text[(tokens[k - 1].Index + tokens[k - 1].Length)..tokens[k].Index].All(char.IsWhiteSpace);
    }

    private static NameChunk? Build(Sentence sentence, List<Match> tokens, int start, int end, IReadOnlySet<string> stopWords)
    {
        var hadTitle = false;
        string? preceding = null;

        // Sentence openers and titles come off the front ("The", "However", "President").
        while (start <= end)
        {
            var word = tokens[start].Value;
            if (EntityLexicon.Titles.Contains(word) && start < end)
            {
                hadTitle = true;
                preceding = word;
                start++;
            }
            else if ((start == 0 && stopWords.Contains(word) && !NameStarters.Contains(word) && !IsAcronym(word))
                || (Determiners.Contains(word) && start < end))
            {
                start++;
            }
            else
            {
                break;
            }
        }

        while (end >= start && (EntityLexicon.NameParticles.Contains(tokens[end].Value) || EntityLexicon.CalendarWords.Contains(tokens[end].Value)))
        {
            end--;
        }

        while (start <= end && (EntityLexicon.NameParticles.Contains(tokens[start].Value) || EntityLexicon.CalendarWords.Contains(tokens[start].Value)))
        {
            start++;
        }

        if (start > end)
        {
            return null;
        }

        var text = sentence.Text;
        var words = new List<string>();
        for (var k = start; k <= end; k++)
        {
            words.Add(Possessive(tokens[k].Value));
        }

        var from = tokens[start].Index;
        var to = tokens[end].Index + tokens[end].Length;
        var surface = text[from..to];
        if (surface.EndsWith("'s", StringComparison.Ordinal) || surface.EndsWith("’s", StringComparison.Ordinal))
        {
            surface = surface[..^2];
        }

        if (!hadTitle && start > 0)
        {
            var before = tokens[start - 1];
            var gap = text[(before.Index + before.Length)..from];
            if (gap.Trim() is "" or ",")
            {
                preceding = before.Value;
            }
        }

        var acronym = AcronymAfter().Match(text, to);
        return new NameChunk
        {
            Text = surface,
            Tokens = words,
            Sentence = sentence,
            Start = from,
            End = to,
            SentenceInitial = start == 0,
            Preceding = preceding,
            HadTitle = hadTitle,
            Following = end + 1 < tokens.Count ? tokens[end + 1].Value : null,
            Acronym = acronym.Success && acronym.Index == to ? acronym.Groups[1].Value : null,
        };
    }

    private static string Possessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    [GeneratedRegex(@"(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|de|da|di|du|van|von|der|den|la|le|d)['’\-]\p{Lu}")]
    private static partial Regex ParticlePrefixed();

    [GeneratedRegex(@"\G\s*\(([\p{Lu}][\p{Lu}\p{N}&.\-]{1,9})\)")]
    private static partial Regex AcronymAfter();
}
