namespace NewsIngest.Enricher.Enrichment;

/// <summary>One word of a text (<see cref="Words"/>): where it starts, as written, and lower-cased.</summary>
public readonly record struct WordToken(int Index, string Value, string Lower)
{
    /// <summary>Where the word ends (exclusive).</summary>
    public int End => Index + Value.Length;
}
