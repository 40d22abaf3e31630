namespace NewsIngest.Store.Dedup;

/// <summary>
/// The per-story part of the index as columns in fixed-size chunks: id, shingle and number counts, the
/// bottom-k shingle sketch, the lede and the number sample, each in one array per chunk. About 700 bytes a
/// story, no per-story objects, and growth never copies what is already stored.
/// </summary>
internal sealed class StoryColumns
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;
    private const int SketchWidth = StoryFingerprint.SketchSize;
    private const int LedeWidth = StoryFingerprint.LedeSize;
    private const int NumberWidth = StoryFingerprint.NumberSketchSize;

    private readonly List<Chunk> _chunks = [];

    public int Count { get; private set; }

    public long MemoryBytes => (long)_chunks.Count * ChunkSize * (16 + 4 + 4 + 3 + (4 * (SketchWidth + LedeWidth + NumberWidth)));

    public int Add(Guid id, StoryFingerprint fingerprint)
    {
        var ordinal = Count;
        if ((ordinal & ChunkMask) == 0)
        {
            _chunks.Add(new Chunk());
        }

        var chunk = _chunks[ordinal >> ChunkBits];
        var row = ordinal & ChunkMask;
        var numbers = fingerprint.Numbers.AsSpan(0, Math.Min(NumberWidth, fingerprint.Numbers.Length));
        chunk.Ids[row] = id;
        chunk.ShingleCounts[row] = fingerprint.ShingleCount;
        chunk.NumberCounts[row] = fingerprint.Numbers.Length;
        chunk.SketchLengths[row] = (byte)fingerprint.Sketch.Length;
        chunk.LedeLengths[row] = (byte)fingerprint.Lede.Length;
        chunk.NumberLengths[row] = (byte)numbers.Length;
        fingerprint.Sketch.CopyTo(chunk.Sketches, row * SketchWidth);
        fingerprint.Lede.CopyTo(chunk.Ledes, row * LedeWidth);
        numbers.CopyTo(chunk.Numbers.AsSpan(row * NumberWidth));
        Count++;
        return ordinal;
    }

    /// <summary>The stored side of story <paramref name="ordinal"/>, as <see cref="MatchRule"/> reads it.</summary>
    public StoredStory Story(int ordinal)
    {
        var chunk = _chunks[ordinal >> ChunkBits];
        var row = ordinal & ChunkMask;
        return new StoredStory(
            chunk.Ids[row],
            chunk.ShingleCounts[row],
            chunk.Sketches.AsSpan(row * SketchWidth, chunk.SketchLengths[row]),
            chunk.Ledes.AsSpan(row * LedeWidth, chunk.LedeLengths[row]),
            chunk.NumberCounts[row],
            chunk.Numbers.AsSpan(row * NumberWidth, chunk.NumberLengths[row]));
    }

    private sealed class Chunk
    {
        public Guid[] Ids { get; } = new Guid[ChunkSize];

        public int[] ShingleCounts { get; } = new int[ChunkSize];

        public int[] NumberCounts { get; } = new int[ChunkSize];

        public byte[] SketchLengths { get; } = new byte[ChunkSize];

        public byte[] LedeLengths { get; } = new byte[ChunkSize];

        public byte[] NumberLengths { get; } = new byte[ChunkSize];

        public uint[] Sketches { get; } = new uint[ChunkSize * SketchWidth];

        public uint[] Ledes { get; } = new uint[ChunkSize * LedeWidth];

        public uint[] Numbers { get; } = new uint[ChunkSize * NumberWidth];
    }
}
