namespace NewsIngest.Store.Dedup;

/// <summary>The stored side of a comparison, as <see cref="MatchRule"/> reads it: views into a stored fingerprint.</summary>
internal readonly ref struct StoredStory(
    Guid id, int shingleCount, ReadOnlySpan<uint> sketch, ReadOnlySpan<uint> lede, int numberCount, ReadOnlySpan<uint> numbers)
{
    public Guid Id { get; } = id;

    public int ShingleCount { get; } = shingleCount;

    public ReadOnlySpan<uint> Sketch { get; } = sketch;

    public ReadOnlySpan<uint> Lede { get; } = lede;

    public int NumberCount { get; } = numberCount;

    public ReadOnlySpan<uint> Numbers { get; } = numbers;
}
