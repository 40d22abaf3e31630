using System.Text.RegularExpressions;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Finds runs of capitalised words (candidate names) in a sentence.</summary>
public static partial class NameChunker
{
    /// <summary>Stop words that often begin a name ("New York", "General Motors"), so are kept at a sentence start.</summary>
    private static readonly HashSet<string> NameStarters = new(StringComparer.OrdinalIgnoreCase)
    {
        "new", "north", "south", "east", "west", "general", "united", "state", "great", "grand", "central", "national",
        "royal", "saint", "san", "santa", "first", "upper", "lower", "old", "little", "big", "long", "inner", "outer",
    };

    /// <summary>Articles that are capitalised inside a sentence only as part of a title ("The Hague" aside).</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "The", "A", "An" };

    public static List<NameChunk> Chunk(Sentence sentence, IReadOnlySet<string> stopWords)
    {
        var text = sentence.Text;
        var chunks = new List<NameChunk>();
        if (IsShouted(text))
        {
            return chunks;
        }

        var tokens = Tokenize(text);

        // A headline in title case ("Tim Cook On Apple Being Pulled Into The Enterprise"): capitals mark every
        // word, so a stop word ends a name there.
        var titleCase = tokens.Count >= 4 && tokens.Count(t => IsCapitalised(t.Value)) * 10 >= tokens.Count * 7;
        var definedUntil = -1;
        var i = 0;
        while (i < tokens.Count)
        {
            // "256GB": letters glued to a number are a unit, not a name.
            if (!IsCapitalised(tokens[i].Value) || (tokens[i].Index > 0 && char.IsDigit(text[tokens[i].Index - 1]))
                || (titleCase && i > 0 && IsStopWord(tokens[i].Value, stopWords)))
            {
                i++;
                continue;
            }

            var start = i;
            var end = i; // inclusive
            while (end + 1 < tokens.Count && Joins(text, tokens, start, end) && !(titleCase && IsStopWord(tokens[end + 1].Value, stopWords)))
            {
                end++;
            }

            i = end + 1;

            // "Australian Federal Police Commissioner Andrew Colvin": the organisation before the title is a name too.
            // ("Israeli Prime Minister Benjamin Netanyahu": the resolver keeps that part only as a place or organisation.)
            var title = InnerTitle(tokens, start, end);
            var parts = title < 0
                ? [(start, end, false)]
                : title > start
                    ? new[] { (start, title - 1, false), (title + 1, end, true) }
                    : [(title + 1, end, true)];
            foreach (var (from, to, titled) in parts)
            {
                // The acronym in "Awami National Party (ANP)" is part of the definition, not another mention.
                var chunk = Build(sentence, tokens, from, to, titled ? tokens[from - 1].Value : null, stopWords);
                if (chunk is not null && title > start && !titled)
                {
                    chunk = chunk with { BeforeTitle = true };
                }

                if (chunk is not null && chunk.Start >= definedUntil)
                {
                    chunks.Add(chunk);
                    definedUntil = chunk.Acronym is null ? definedUntil : text.IndexOf(')', chunk.End) + 1;
                }
            }
        }

        return chunks;
    }

    private static bool IsStopWord(string word, IReadOnlySet<string> stopWords) =>
        stopWords.Contains(word) && !NameStarters.Contains(word) && !IsAcronym(word);

    private static bool HasOrganizationWord(List<Tok> tokens, int start, int end)
    {
        for (var k = start; k <= end; k++)
        {
            if (EntityLexicon.OrganizationWords.Contains(tokens[k].Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A headline or banner in capitals ("BREAKING NEWS", "SIGN UP FOR OUR NEWSLETTER"): no case to go by.</summary>
    private static bool IsShouted(string text)
    {
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        return upper >= 6 && upper > 3 * lower;
    }

    /// <summary>The index of a title or role inside a run that has a name after it, or -1.</summary>
    private static int InnerTitle(List<Tok> tokens, int start, int end)
    {
        for (var k = end - 1; k >= start; k--)
        {
            var word = tokens[k].Value;
            var title = EntityLexicon.Titles.Contains(word) || (char.IsUpper(word[0]) && EntityLexicon.PersonCues.Contains(word));
            if (title && (end - k >= 2 || EntityLexicon.Honorifics.Contains(word))
                && (k == start || (!EntityLexicon.Titles.Contains(tokens[k - 1].Value) && !EntityLexicon.OfficeWords.Contains(tokens[k - 1].Value) && tokens[k - 1].Value is not ("of" or "for"))))
            {
                return k;
            }
        }

        return -1;
    }

    public static bool IsAcronym(string word) =>
        word.Length is >= 2 and <= 6 && char.IsUpper(word[0]) && word.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '.');

    private static bool IsCapitalised(string word) =>
        char.IsUpper(word[0]) || IsParticlePrefixed(word);

    /// <summary>"al-Assad", "d'Estaing": a particle joined by an apostrophe or hyphen to a capitalised name.</summary>
    private static bool IsParticlePrefixed(string word) =>
        word.AsSpan().ContainsAny('\'', '’', '-') && ParticlePrefixed().IsMatch(word);

    private static bool Joins(string text, List<Tok> tokens, int start, int last)
    {
        var current = tokens[last];
        var next = tokens[last + 1];
        var gap = text[(current.Index + current.Length)..next.Index];
        var initial = current.Value.Length == 1 && char.IsUpper(current.Value[0]) && gap == ". ";
        if (!initial && (gap.Length == 0 || gap.Any(c => !char.IsWhiteSpace(c))))
        {
            return false;
        }

        // A possessive ends a name: "Jeff Bezos's Blue Origin", "China's Shanghai Composite".
        if (IsPossessive(current.Value))
        {
            return false;
        }

        if (IsCapitalised(next.Value))
        {
            return true;
        }

        // A particle ("bin", "von der") or "of" after an organisation head joins when a capital follows.
        // German articles join only after "von"/"van" ("Ursula von der Leyen"), never "Entwurf der Regierung".
        var article = next.Value is "der" or "den";
        if (article && current.Value is not ("von" or "van"))
        {
            return false;
        }

        var ofChain = next.Value is "of" or "for" or "on" && (EntityLexicon.OfHeads.Contains(current.Value) || EntityLexicon.Titles.Contains(current.Value));
        var joinsWord = EntityLexicon.NameParticles.Contains(next.Value) || ofChain || (next.Value == "and" && AndJoins(tokens, start, last));
        if (!joinsWord)
        {
            return false;
        }

        var k = last + 2;
        while (k < tokens.Count && (EntityLexicon.NameParticles.Contains(tokens[k].Value) || (ofChain && tokens[k].Value == "the")))
        {
            k++;
        }

        return k < tokens.Count && IsCapitalised(tokens[k].Value) && text[(tokens[k - 1].Index + tokens[k - 1].Length)..tokens[k].Index].All(char.IsWhiteSpace);
    }

    /// <summary>
    /// "and" inside an organisation's name: "Department of Health and Human Services", "Center on Poverty and
    /// Inequality", "Securities and Exchange Commission" — but not between two names ("Granollers and Lopez").
    /// </summary>
    private static bool AndJoins(List<Tok> tokens, int start, int last)
    {
        for (var k = start; k < last; k++)
        {
            if (tokens[k + 1].Value is "of" or "for" or "on" && EntityLexicon.OfHeads.Contains(tokens[k].Value))
            {
                return true;
            }
        }

        // A plural before "and" and an organisation word within three capitalised words after it
        // ("Securities and Exchange Commission"), not two names in a row ("Wistron and Global Lighting Technologies").
        if (!tokens[last].Value.EndsWith('s'))
        {
            return false;
        }

        for (var k = last + 2; k < tokens.Count && k <= last + 4 && IsCapitalised(tokens[k].Value); k++)
        {
            if (EntityLexicon.OrganizationWords.Contains(tokens[k].Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)
        || ((word.EndsWith('\'') || word.EndsWith('’')) && word.Length > 2);

    private static NameChunk? Build(Sentence sentence, List<Tok> tokens, int start, int end, string? title, IReadOnlySet<string> stopWords)
    {
        var hadTitle = title is not null;
        var preceding = title;

        // Sentence openers and titles come off the front ("The", "However", "President"), and with a title the
        // office it names ("Secretary of State Ann Lee" → "Ann Lee").
        while (start <= end)
        {
            var word = tokens[start].Value;
            if (EntityLexicon.Titles.Contains(word) && (end - start >= 2 || (start < end && EntityLexicon.Honorifics.Contains(word))))
            {
                hadTitle = true;
                preceding = word;
                start++;
            }
            else if (hadTitle && start < end && (word is "of" or "for" or "the" || EntityLexicon.OfficeWords.Contains(word)))
            {
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

        while (start <= end && char.IsLower(tokens[start].Value[0]) && !IsParticlePrefixed(tokens[start].Value))
        {
            start++;
        }

        while (end >= start && (EntityLexicon.NameParticles.Contains(tokens[end].Value) || EntityLexicon.CalendarWords.Contains(tokens[end].Value)
            || tokens[end].Value is "of" or "for" or "on" or "the" or "and"))
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

        // "MADRID —", "WASHINGTON (AP) —": a dateline in capitals names a place and defines no acronym.
        var dateline = start == 0 && words.All(w => w.Length > 2 && w.All(c => !char.IsLower(c))) && DatelineAfter().IsMatch(text, to);
        var acronym = dateline ? Match.Empty : AcronymAfter().Match(text, to);
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
            FollowedByComma = end + 1 < tokens.Count && text[to..tokens[end + 1].Index].Trim() == ",",
            Acronym = acronym.Success && acronym.Index == to ? acronym.Groups[1].Value : null,
            Dateline = dateline,
        };
    }

    /// <summary>A word of the sentence, with any French or Italian elision ("l'", "dell'") taken off.</summary>
    private readonly record struct Tok(string Value, int Index, int Length);

    /// <summary>The sentence's words, each elided (<see cref="Elide"/>), read without Match objects.</summary>
    private static List<Tok> Tokenize(string text)
    {
        var tokens = new List<Tok>();
        foreach (var m in Token().EnumerateMatches(text))
        {
            tokens.Add(Elide(text, m.Index, m.Length));
        }

        return tokens;
    }

    private static Tok Elide(string text, int index, int length)
    {
        var word = text.AsSpan(index, length);

        // "Hamas-led", "Kremlin-backed": the name is the part before the suffix.
        if (word.Contains('-'))
        {
            foreach (var suffix in CompoundSuffix().EnumerateMatches(word))
            {
                return new Tok(text.Substring(index, suffix.Index), index, suffix.Index);
            }
        }

        // Every elision ends in an apostrophe.
        if (word.ContainsAny('\'', '’'))
        {
            foreach (var e in Elision().EnumerateMatches(word))
            {
                if (length - e.Length >= 2)
                {
                    return new Tok(text.Substring(index + e.Length, length - e.Length), index + e.Length, length - e.Length);
                }
            }
        }

        return new Tok(text.Substring(index, length), index, length);
    }

    private static string Possessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    [GeneratedRegex(@"(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(?:[LlDdJjNnSsCcMmTt]|[Qq]u|[Dd]ell|[Aa]ll|[Dd]all|[Nn]ell|[Ss]ull|[Uu]n)['’](?=\p{L})")]
    private static partial Regex Elision();

    [GeneratedRegex(@"-(?:led|backed|based|linked|run|owned|style|born|era|controlled|allied|aligned|affiliated|inspired|funded|held|made|bound|wide)$", RegexOptions.IgnoreCase)]
    private static partial Regex CompoundSuffix();

    [GeneratedRegex(@"^(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|de|da|di|du|van|von|der|den|la|le|d)['’\-]\p{Lu}")]
    private static partial Regex ParticlePrefixed();

    [GeneratedRegex(@"\G\s*(?:—|–|-|\(|,)")]
    private static partial Regex DatelineAfter();

    [GeneratedRegex(@"\G\s*\(([\p{Lu}][\p{Lu}\p{N}&.\-]{1,9})\)")]
    private static partial Regex AcronymAfter();
}
