namespace NewsIngest.Contracts;

/// <summary>An IPTC Media Topics top-level slug with its score.</summary>
public sealed record CategoryScore
{
    public required string Code { get; init; }
    public required double Score { get; init; }
}
