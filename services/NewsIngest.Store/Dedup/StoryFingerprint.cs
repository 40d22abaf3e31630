using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace NewsIngest.Store.Dedup;

/// <summary>
/// What the dedup engine knows of one article's text. The body (boilerplate paragraphs dropped, see
/// <see cref="BoilerplateFilter"/>) is cut into overlapping three-word shingles; the title only counts for
/// an article with next to no body, since syndicated copies often get another headline. Held are:
/// <list type="bullet">
/// <item>the sorted shingle keys (32-bit), used on the querying side to verify candidates exactly;</item>
/// <item>a bottom-k sketch: the 128 smallest shingle hashes, a uniform sample that the index keeps per
/// story to estimate overlap, Jaccard and containment against a newcomer;</item>
/// <item>the lede: the first 16 shingles in order, and the first 48 as a window, which tell a truncated
/// copy (same start) from an update that put new paragraphs on top of old ones;</item>
/// <item>MinHash band keys: 40 bands of 3 minima over the whole body plus 4 bands of 2 minima over the
/// lede, so truncated copies still share the lede bands;</item>
/// <item>the numbers of the text (scores, prices, tolls, dates), which tell apart reports of different
/// events that share most of their wording: the index keeps the 16 smallest of them.</item>
/// </list>
/// <see cref="ToBytes"/> and <see cref="FromBytes"/> give a compact column value (about 3 KB for a
/// 400-word article); recomputing from the stored title and paragraphs gives the same fingerprint.
/// </summary>
public sealed class StoryFingerprint
{
    public const int ShingleSize = 3;
    public const int SketchSize = 128;
    public const int LedeSize = 16;
    public const int LedeWindowSize = 48;
    public const int BodyBands = 40;
    public const int BodyRows = 3;
    public const int LedeBands = 4;
    public const int LedeRows = 2;
    public const int NumberSketchSize = 16;
    private const int LedeBandShingles = 24;
    private const int MinBodyWords = 8;
    private const byte FormatVersion = 1;

    private static readonly ulong[] Multipliers = Permutations(BodyBands * BodyRows + LedeBands * LedeRows, 0x5DEECE66DUL);
    private static readonly ulong[] Offsets = Permutations(BodyBands * BodyRows + LedeBands * LedeRows, 0xB5297A4DUL);

    private StoryFingerprint(int shingleCount, uint[] keys, uint[] sketch, uint[] lede, uint[] ledeWindow, uint[] bandKeys, uint[] numbers)
    {
        Numbers = numbers;
        ShingleCount = shingleCount;
        Keys = keys;
        Sketch = sketch;
        Lede = lede;
        LedeWindow = ledeWindow;
        BandKeyArray = bandKeys;
    }

    /// <summary>Number of distinct shingles in the text; zero for an article with no words.</summary>
    public int ShingleCount { get; }

    /// <summary>True when the text had no words at all; such a fingerprint never matches anything.</summary>
    public bool IsEmpty => ShingleCount == 0;

    internal uint[] Keys { get; }

    internal uint[] Sketch { get; }

    internal uint[] Lede { get; }

    internal uint[] LedeWindow { get; }

    /// <summary>The 44 LSH band keys: a stored text is a candidate for a newcomer that shares one of them.</summary>
    public IReadOnlyList<uint> BandKeys => BandKeyArray;

    internal uint[] BandKeyArray { get; }

    /// <summary>The sorted distinct number keys; the first <see cref="NumberSketchSize"/> are the index's sample.</summary>
    internal uint[] Numbers { get; }

    public static StoryFingerprint Of(string title, IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var words = new List<ulong>(512);
        var numbers = new List<ulong>(32);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (BoilerplateFilter.Keep(paragraphs[i] ?? string.Empty, first: words.Count == 0) is { } kept)
            {
                WordTokenizer.AppendWords(kept, words, numbers);
            }
        }

        if (words.Count < MinBodyWords && !string.IsNullOrWhiteSpace(title))
        {
            var titled = new List<ulong>(words.Count + 16);
            WordTokenizer.AppendWords(title, titled, numbers);
            titled.AddRange(words);
            words = titled;
        }

        return FromWords(words, Distinct(CollectionsMarshal.AsSpan(numbers)));
    }

    /// <summary>The fingerprint's column value: a version byte, then each part as a length and values.</summary>
    public byte[] ToBytes()
    {
        var parts = new[] { Keys, Sketch, Lede, LedeWindow, BandKeyArray, Numbers };
        var size = 1 + 4 + parts.Sum(part => 4 + (part.Length * 4));
        var bytes = new byte[size];
        bytes[0] = FormatVersion;
        var offset = 1;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), ShingleCount);
        offset += 4;
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), part.Length);
            offset += 4;
            foreach (var value in part)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
                offset += 4;
            }
        }

        return bytes;
    }

    /// <summary>
    /// The stored side only: as <see cref="ToBytes"/> without the full shingle keys and the lede window, which
    /// only the newcomer's side of a comparison reads (about a third of the size). What the database keeps per
    /// story version; <see cref="FromBytes"/> reads it back as a fingerprint that can be matched against but
    /// that cannot itself look for matches.
    /// </summary>
    public byte[] ToStoredBytes() => new StoryFingerprint(ShingleCount, [], Sketch, Lede, [], BandKeyArray, Numbers).ToBytes();

    /// <summary>Reads a value written by <see cref="ToBytes"/> or <see cref="ToStoredBytes"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a fingerprint of a known version.</exception>
    public static StoryFingerprint FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5 || bytes[0] != FormatVersion)
        {
            throw new FormatException("Not a story fingerprint of version " + FormatVersion + ".");
        }

        var offset = 1;
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
        offset += 4;
        var parts = new uint[6][];
        for (var p = 0; p < parts.Length; p++)
        {
            if (offset + 4 > bytes.Length)
            {
                throw new FormatException("Story fingerprint is truncated.");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
            offset += 4;
            if (length < 0 || offset + (length * 4L) > bytes.Length)
            {
                throw new FormatException("Story fingerprint is truncated.");
            }

            parts[p] = new uint[length];
            for (var i = 0; i < length; i++, offset += 4)
            {
                parts[p][i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
            }
        }

        var empty = count == 0;
        if (count < 0 || parts[1].Length > SketchSize || parts[2].Length > LedeSize || parts[3].Length > LedeWindowSize
            || parts[4].Length != (empty ? 0 : BodyBands + LedeBands))
        {
            throw new FormatException("Story fingerprint parts do not have the sizes of version " + FormatVersion + ".");
        }

        return new StoryFingerprint(count, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    private static StoryFingerprint FromWords(List<ulong> words, uint[] numbers)
    {
        if (words.Count == 0)
        {
            return new StoryFingerprint(0, [], [], [], [], [], []);
        }

        var span = CollectionsMarshal.AsSpan(words);
        var count = Math.Max(1, span.Length - ShingleSize + 1);
        var shingles = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            shingles[i] = ShingleHash.Combine(span.Slice(i, Math.Min(ShingleSize, span.Length - i)));
        }

        var lede = new uint[Math.Min(LedeSize, count)];
        for (var i = 0; i < lede.Length; i++)
        {
            lede[i] = (uint)shingles[i];
        }

        var window = Distinct(shingles.AsSpan(0, Math.Min(LedeWindowSize, count)));
        var bandKeys = BandKeysOf(shingles);
        var distinct = (ulong[])shingles.Clone();
        Array.Sort(distinct);
        var unique = Unique(distinct);
        var sketch = new uint[Math.Min(SketchSize, unique)];
        for (var i = 0; i < sketch.Length; i++)
        {
            sketch[i] = (uint)distinct[i];
        }

        return new StoryFingerprint(unique, Distinct(distinct.AsSpan(0, unique)), sketch, lede, window, bandKeys, numbers);
    }

    private static uint[] BandKeysOf(ulong[] shingles)
    {
        var minima = new ulong[Multipliers.Length];
        Array.Fill(minima, ulong.MaxValue);
        var bodyPerms = BodyBands * BodyRows;
        for (var s = 0; s < shingles.Length; s++)
        {
            var x = shingles[s];
            var perms = s < LedeBandShingles ? minima.Length : bodyPerms;
            for (var p = 0; p < perms; p++)
            {
                var h = (x * Multipliers[p]) + Offsets[p];
                if (h < minima[p])
                {
                    minima[p] = h;
                }
            }
        }

        var keys = new uint[BodyBands + LedeBands];
        for (var b = 0; b < BodyBands; b++)
        {
            keys[b] = BandKey(b, minima.AsSpan(b * BodyRows, BodyRows));
        }

        for (var b = 0; b < LedeBands; b++)
        {
            keys[BodyBands + b] = BandKey(BodyBands + b, minima.AsSpan(bodyPerms + (b * LedeRows), LedeRows));
        }

        return keys;
    }

    private static uint BandKey(int band, ReadOnlySpan<ulong> minima)
    {
        Span<ulong> values = stackalloc ulong[minima.Length + 1];
        values[0] = (ulong)band;
        minima.CopyTo(values[1..]);
        return (uint)(ShingleHash.Combine(values) >> 32);
    }

    private static int Unique<T>(T[] sorted)
        where T : IEquatable<T>
    {
        var unique = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (!sorted[i].Equals(sorted[unique - 1]))
            {
                sorted[unique++] = sorted[i];
            }
        }

        return unique;
    }

    private static uint[] Distinct(ReadOnlySpan<ulong> shingles)
    {
        var keys = new uint[shingles.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (uint)shingles[i];
        }

        Array.Sort(keys);
        return keys.AsSpan(0, Unique(keys)).ToArray();
    }

    private static ulong[] Permutations(int count, ulong seed)
    {
        var values = new ulong[count];
        var state = seed;
        for (var i = 0; i < count; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            values[i] = ShingleHash.Mix(state) | 1UL;
        }

        return values;
    }
}
