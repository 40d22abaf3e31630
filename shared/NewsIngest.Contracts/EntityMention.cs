namespace NewsIngest.Contracts;

/// <summary>One real-world entity named in an article (not one per mention).</summary>
public sealed record EntityMention
{
    public required string Name { get; init; }

    /// <summary>PERSON, ORGANIZATION or LOCATION.</summary>
    public required string Type { get; init; }
    public required int Mentions { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? CountryCode { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
}
