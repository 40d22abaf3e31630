namespace NewsIngest.Store.Dedup;

/// <summary>
/// A multimap from 32-bit band keys to story ordinals in one flat <c>ulong[]</c> (key in the high half,
/// ordinal + 1 in the low half, 0 = free), open addressing with linear probing, kept at most 70% full.
/// Eight bytes per entry and no per-entry objects, so millions of stories cost no garbage-collector work.
/// </summary>
internal sealed class BandTable
{
    private ulong[] _slots = new ulong[1024];
    private int _count;

    public int Count => _count;

    public long MemoryBytes => _slots.LongLength * sizeof(ulong);

    public void Add(uint key, int ordinal)
    {
        if ((_count + 1) * 10L > _slots.Length * 7L)
        {
            Grow();
        }

        Insert(_slots, ((ulong)key << 32) | (uint)(ordinal + 1));
        _count++;
    }

    /// <summary>Adds every ordinal stored under <paramref name="key"/> to <paramref name="into"/>.</summary>
    public void Collect(uint key, HashSet<int> into)
    {
        var mask = _slots.Length - 1;
        for (var i = Start(key, mask); ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                return;
            }

            if ((uint)(slot >> 32) == key)
            {
                into.Add((int)(uint)slot - 1);
            }
        }
    }

    private static int Start(uint key, int mask) => (int)(ShingleHash.Mix(key) & (uint)mask);

    private static void Insert(ulong[] slots, ulong entry)
    {
        var mask = slots.Length - 1;
        var i = Start((uint)(entry >> 32), mask);
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = entry;
    }

    private void Grow()
    {
        var larger = new ulong[_slots.Length * 2];
        foreach (var entry in _slots)
        {
            if (entry != 0)
            {
                Insert(larger, entry);
            }
        }

        _slots = larger;
    }
}
