namespace NewsIngest.Store.Dedup;

/// <summary>
/// The per-story part of the index as columns in fixed-size chunks: id, shingle count, bottom-k sketch and
/// lede, each in one array per chunk. About 600 bytes a story, no per-story objects, and growth never
/// copies what is already stored.
/// </summary>
internal sealed class StoryColumns
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;

    private readonly List<Chunk> _chunks = [];

    public int Count { get; private set; }

    public long MemoryBytes => (long)_chunks.Count * ChunkSize
        * (16 + 4 + 2 + (4 * (StoryFingerprint.SketchSize + StoryFingerprint.LedeSize)));

    public int Add(Guid id, StoryFingerprint fingerprint)
    {
        var ordinal = Count;
        if ((ordinal & ChunkMask) == 0)
        {
            _chunks.Add(new Chunk());
        }

        var chunk = _chunks[ordinal >> ChunkBits];
        var row = ordinal & ChunkMask;
        chunk.Ids[row] = id;
        chunk.ShingleCounts[row] = fingerprint.ShingleCount;
        chunk.SketchLengths[row] = (byte)fingerprint.Sketch.Length;
        chunk.LedeLengths[row] = (byte)fingerprint.Lede.Length;
        fingerprint.Sketch.CopyTo(chunk.Sketches, row * StoryFingerprint.SketchSize);
        fingerprint.Lede.CopyTo(chunk.Ledes, row * StoryFingerprint.LedeSize);
        Count++;
        return ordinal;
    }

    public Guid Id(int ordinal) => _chunks[ordinal >> ChunkBits].Ids[ordinal & ChunkMask];

    public int ShingleCount(int ordinal) => _chunks[ordinal >> ChunkBits].ShingleCounts[ordinal & ChunkMask];

    public ReadOnlySpan<uint> Sketch(int ordinal)
    {
        var chunk = _chunks[ordinal >> ChunkBits];
        var row = ordinal & ChunkMask;
        return chunk.Sketches.AsSpan(row * StoryFingerprint.SketchSize, chunk.SketchLengths[row]);
    }

    public ReadOnlySpan<uint> Lede(int ordinal)
    {
        var chunk = _chunks[ordinal >> ChunkBits];
        var row = ordinal & ChunkMask;
        return chunk.Ledes.AsSpan(row * StoryFingerprint.LedeSize, chunk.LedeLengths[row]);
    }

    private sealed class Chunk
    {
        public Guid[] Ids { get; } = new Guid[ChunkSize];

        public int[] ShingleCounts { get; } = new int[ChunkSize];

        public byte[] SketchLengths { get; } = new byte[ChunkSize];

        public byte[] LedeLengths { get; } = new byte[ChunkSize];

        public uint[] Sketches { get; } = new uint[ChunkSize * StoryFingerprint.SketchSize];

        public uint[] Ledes { get; } = new uint[ChunkSize * StoryFingerprint.LedeSize];
    }
}
