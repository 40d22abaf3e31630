using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Persons, organisations and places, one per real-world entity. Candidate names are runs of capitalised
/// words; each is typed by evidence (organisation words, the gazetteer, given names, titles and roles,
/// verbs of saying) and merged with its other names: acronyms defined in brackets, well-known aliases,
/// and a surname used alone after the full name.
/// </summary>
public sealed class EntityStep(StopWords stopWords, Gazetteer gazetteer, FirstNames firstNames, NameBase names) : IEnrichmentStep
{
    /// <summary>An acronym nobody defined counts as an organisation only when used at least this often.</summary>
    public const int MinUndefinedAcronymMentions = 2;

    public string Name => "Entities";

    public void Apply(EnrichmentContext context)
    {
        var stop = stopWords.For(context.Language);
        var chunks = context.Text.Sentences.SelectMany(s => NameChunker.Chunk(s, stop)).SelectMany(SplitPlacePair).ToList();
        var resolver = new EntityResolver(gazetteer, firstNames, names, chunks, context.Language);
        var resolved = resolver.Resolve();

        var kept = resolver.Entities
            .Where(e => e.Defined || e.Type != EntityTypes.Organization || !NameChunker.IsAcronym(e.Name) || e.Mentions >= MinUndefinedAcronymMentions)
            .ToHashSet();

        context.Entities = kept
            .OrderByDescending(e => e.Mentions)
            .ThenBy(e => e.Order)
            .Select(ToMention)
            .ToList();
        context.Mentions = resolved
            .Where(r => kept.Contains(r.Entity))
            .Select(r => new ResolvedMention(r.Entity.Name, r.Entity.Type, r.Chunk.Sentence.Index, r.Chunk.Start, r.Chunk.End, r.Chunk.Text, r.Entity.Place?.Kind == PlaceKind.Country, r.Chunk.Dateline))
            .ToList();
    }

    /// <summary>"US-China", "Russia-Ukraine": two places joined by a hyphen are two names.</summary>
    private IEnumerable<NameChunk> SplitPlacePair(NameChunk chunk)
    {
        var parts = chunk.Tokens.Count == 1 ? chunk.Text.Split('-') : [];
        if (parts.Length < 2 || !parts.All(p => p.Length > 1 && char.IsUpper(p[0]) && gazetteer.Find(p) is { Kind: PlaceKind.Country or PlaceKind.Region }))
        {
            yield return chunk;
            yield break;
        }

        var offset = chunk.Start;
        foreach (var part in parts)
        {
            yield return chunk with { Text = part, Tokens = [part], Start = offset, End = offset + part.Length, Acronym = null };
            offset += part.Length + 1;
        }
    }

    private static EntityMention ToMention(EntityBuilder e) => new()
    {
        Name = e.Name,
        Type = e.Type,
        Mentions = e.Mentions,
        Aliases = e.Aliases.ToList(),
        CountryCode = e.Place?.CountryCode,
        Lat = e.Place?.Lat,
        Lon = e.Place?.Lon,
    };
}
