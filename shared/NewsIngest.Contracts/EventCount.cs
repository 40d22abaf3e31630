namespace NewsIngest.Contracts;

/// <summary>A count stated in the text: killed, injured, arrested, kidnapped or displaced.</summary>
public sealed record EventCount
{
    public required string Kind { get; init; }
    public required int Count { get; init; }
    public string? Location { get; init; }
    public int? Year { get; init; }
    public required string Sentence { get; init; }
}
