namespace NewsIngest.Store.Dedup;

/// <summary>The 64-bit hashing behind words, shingles and MinHash permutations: FNV-1a over characters,
/// finished and combined with the SplitMix64 mixer so every bit depends on every input bit.</summary>
internal static class ShingleHash
{
    public const ulong Seed = 14695981039346656037UL;

    public static ulong AddChar(ulong hash, char c) => (hash ^ c) * 1099511628211UL;

    public static ulong Finish(ulong hash) => Mix(hash);

    /// <summary>An order-sensitive hash of <paramref name="words"/>.</summary>
    public static ulong Combine(ReadOnlySpan<ulong> words)
    {
        var hash = 0x9E3779B97F4A7C15UL;
        foreach (var word in words)
        {
            hash = Mix(hash ^ word) + 0x632BE59BD9B4E019UL;
        }

        return Mix(hash);
    }

    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
