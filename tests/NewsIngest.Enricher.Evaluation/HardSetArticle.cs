using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Evaluation;

/// <summary>One article of the hard set: where its text is, and our labels for it.</summary>
public sealed record HardSetArticle
{
    public required string Set { get; init; }
    public required string Id { get; init; }
    public int Budget { get; init; } = HardSetTexts.DefaultBudget;
    public required string Language { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>+1, -1, or 0 (mixed or neutral: left out of the tone score).</summary>
    public int Tone { get; init; }
    public bool EntitiesLabelled { get; init; } = true;
    public IReadOnlyList<GoldEntity> Entities { get; init; } = [];
    public IReadOnlySet<string> Ignored { get; init; } = new HashSet<string>();
    public IReadOnlyList<GoldCount> Counts { get; init; } = [];

    /// <summary>The article as the enricher sees it, read from ../shared (set once loaded).</summary>
    public ParsedArticle? Article { get; init; }
}

/// <summary>A labelled entity with every surface form the text uses for it.</summary>
public sealed record GoldEntity(string Type, IReadOnlyList<string> Names, string? CountryCode);

/// <summary>A labelled count: kind, number and the places the sentence names for it (empty: none).</summary>
public sealed record GoldCount(string Kind, long Number, IReadOnlyList<string> Places);
