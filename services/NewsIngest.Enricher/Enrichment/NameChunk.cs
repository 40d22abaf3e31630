namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// A run of capitalised words in a sentence: a candidate name, with the words around it that hint at
/// what it names.
/// </summary>
public sealed record NameChunk
{
    public required string Text { get; init; }
    public required IReadOnlyList<string> Tokens { get; init; }
    public required Sentence Sentence { get; init; }

    /// <summary>Character offset of the name within the sentence.</summary>
    public required int Start { get; init; }
    public required int End { get; init; }
    public required bool SentenceInitial { get; init; }

    /// <summary>The word before the name (across a comma), or a title taken off its front ("President").</summary>
    public string? Preceding { get; init; }
    public bool HadTitle { get; init; }
    public string? Following { get; init; }

    /// <summary>A comma stands between the name and <see cref="Following"/> (an apposition: "Fan Mengguang, deputy director").</summary>
    public bool FollowedByComma { get; init; }

    /// <summary>An acronym given in brackets right after the name: <c>Awami National Party (ANP)</c>.</summary>
    public string? Acronym { get; init; }

    /// <summary>A place in capitals opening the sentence before a dash or bracket: <c>MADRID —</c>.</summary>
    public bool Dateline { get; init; }

    /// <summary>The words before a title in the same run ("Zimbabwe" in "Zimbabwe President Robert Mugabe").</summary>
    public bool BeforeTitle { get; init; }

    public bool IsAcronym => Tokens.Count == 1 && NameChunker.IsAcronym(Text);
}
