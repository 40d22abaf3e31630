namespace NewsIngest.Contracts;

/// <summary>Reported speech and who said it.</summary>
public sealed record Quote
{
    public required string Speaker { get; init; }
    public required string Text { get; init; }
}
