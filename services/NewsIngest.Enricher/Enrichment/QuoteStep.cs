using System.Text.RegularExpressions;
using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Reported speech in quotation marks and who said it: <c>X told Reuters that “…”</c>, <c>X said: “…”</c>,
/// <c>“…,” X said</c>, <c>“…,” said X</c>, <c>“…,” he said</c> (the last person named). Speakers are
/// reported by their full entity name when the entity step found them.
/// </summary>
public sealed partial class QuoteStep : IEnrichmentStep
{
    public const int MinQuoteWords = 4;

    /// <summary>How far before the quotation mark the attribution may start.</summary>
    public const int Window = 160;

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "il", "elle", "er", "sie", "él", "ella", "lui", "lei", "ele",
    };

    public string Name => "Quotes";

    public void Apply(EnrichmentContext context)
    {
        var quotes = new List<Quote>();
        var speakers = context.Mentions
            .Where(m => m.Type is EntityTypes.Person or EntityTypes.Organization)
            .GroupBy(m => m.Surface, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string? lastPerson = null;
        foreach (var paragraph in context.Text.Paragraphs)
        {
            foreach (Match quote in Quoted().Matches(paragraph))
            {
                var said = quote.Groups["q"].Value.Trim().TrimEnd(',');
                var before = paragraph[Math.Max(0, quote.Index - Window)..quote.Index];
                var after = paragraph[(quote.Index + quote.Length)..];
                lastPerson = LastPerson(paragraph[..quote.Index], speakers) ?? lastPerson;
                if (Words.Count(said) < MinQuoteWords)
                {
                    continue;
                }

                var speaker = SpeakerBefore(before, speakers) ?? SpeakerAfter(after, speakers, lastPerson);
                if (speaker is not null)
                {
                    quotes.Add(new Quote { Speaker = speaker, Text = said });
                    lastPerson = speakers.Values.Any(m => m.Name == speaker && m.Type == EntityTypes.Person) ? speaker : lastPerson;
                }
            }

            lastPerson = LastPerson(paragraph, speakers) ?? lastPerson;
        }

        context.Quotes = quotes;
    }

    private static string? SpeakerBefore(string before, Dictionary<string, ResolvedMention> speakers)
    {
        // "X told Reuters that", "X said:", "according to X,"
        var verb = VerbBefore().Match(before);
        if (verb.Success)
        {
            var head = before[..verb.Index];
            return Named(head, speakers, last: true) ?? Capitalised(head, last: true);
        }

        var according = AccordingTo().Match(before);
        return according.Success ? Named(according.Groups["s"].Value, speakers, last: false) ?? according.Groups["s"].Value.Trim() : null;
    }

    private static string? SpeakerAfter(string after, Dictionary<string, ResolvedMention> speakers, string? lastPerson)
    {
        var m = AfterQuote().Match(after);
        if (!m.Success)
        {
            return null;
        }

        var who = m.Groups["s1"].Success ? m.Groups["s1"].Value : m.Groups["s2"].Value;
        if (Pronouns.Contains(who.Trim()))
        {
            return lastPerson;
        }

        return Named(who, speakers, last: false) ?? Capitalised(who, last: false);
    }

    private static string? LastPerson(string text, Dictionary<string, ResolvedMention> speakers) => speakers.Values
        .Where(m => m.Type == EntityTypes.Person)
        .Select(m => (m.Name, Index: text.LastIndexOf(m.Surface, StringComparison.Ordinal)))
        .Where(x => x.Index >= 0)
        .OrderByDescending(x => x.Index)
        .Select(x => x.Name)
        .FirstOrDefault();

    /// <summary>The entity named in the text, nearest its end (or start); persons before organisations.</summary>
    private static string? Named(string text, Dictionary<string, ResolvedMention> speakers, bool last)
    {
        var hits = speakers.Values
            .Select(m => (Mention: m, Index: last ? text.LastIndexOf(m.Surface, StringComparison.Ordinal) : text.IndexOf(m.Surface, StringComparison.Ordinal)))
            .Where(x => x.Index >= 0)
            .ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        var persons = hits.Where(h => h.Mention.Type == EntityTypes.Person).ToList();
        var pool = persons.Count > 0 ? persons : hits;
        return (last ? pool.OrderByDescending(h => h.Index) : pool.OrderBy(h => h.Index)).First().Mention.Name;
    }

    private static string? Capitalised(string text, bool last)
    {
        var names = CapitalisedName().Matches(text);
        if (names.Count == 0)
        {
            return null;
        }

        return (last ? names[^1] : names[0]).Value.Trim();
    }

    [GeneratedRegex(@"[“""«„](?<q>[^“”""«»„]{3,}?)[”""»“]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:said|says|told|tells|added|adds|stated|noted|explained|warned|declared|insisted|argued|wrote|tweeted|announced|replied|stressed|urged|a\s+déclaré|a\s+dit|a\s+affirmé|déclare|sagte|erklärte|betonte|dijo|afirmó|declaró|aseguró|ha\s+detto|ha\s+dichiarato|disse|afirmou|declarou)\b[^.!?“”""«»]{0,60}$", RegexOptions.IgnoreCase)]
    private static partial Regex VerbBefore();

    [GeneratedRegex(@"\b(?:according\s+to|selon|laut|según|secondo|segundo)\s+(?<s>[^,.:]{2,60})[,:]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo();

    // “…,” X said / “…,” said X / “…,” he added
    [GeneratedRegex(@"^\s*[,.]?\s*(?:(?<s1>(?:\p{Lu}[\p{L}'’\-]*\s+){0,3}\p{Lu}[\p{L}'’\-]*|he|she|il|elle|er|sie|él|ella|lui|lei|ele)\s+(?:said|says|added|told|explained|warned|noted|a\s+déclaré|a\s+dit|sagte|erklärte|dijo|afirmó|ha\s+detto|disse|afirmou)|(?:said|says|added|told\s+\w+|explained|warned|a\s+déclaré|a\s+dit|sagte|erklärte|dijo|afirmó|ha\s+detto|disse|afirmou)\s+(?<s2>(?:\p{Lu}[\p{L}'’\-]*\s*){1,4}))")]
    private static partial Regex AfterQuote();

    [GeneratedRegex(@"(?:\p{Lu}[\p{L}'’\-]+)(?:\s+(?:bin|ibn|al|de|da|van|von|der|le|la|el)?\s*\p{Lu}[\p{L}'’\-]+){0,3}")]
    private static partial Regex CapitalisedName();
}
