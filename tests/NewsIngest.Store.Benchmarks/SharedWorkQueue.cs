using System.IO.MemoryMappedFiles;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// One queue of numbered work items shared by replica processes, as competing consumers share a broker queue: a
/// counter in a file every process maps (a shared mapping, so an atomic increment in one is seen by all); each claim
/// takes the next number, so a replica takes work as fast as it finishes it and no split is fixed in advance. It costs
/// no round trip, so the database and the replicas are all the run measures.
/// </summary>
internal sealed unsafe class SharedWorkQueue : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly long* _next;
    private readonly int _count;

    private SharedWorkQueue(string path, int count)
    {
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, sizeof(long), MemoryMappedFileAccess.ReadWrite);
        _view = _file.CreateViewAccessor(0, sizeof(long));
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _next = (long*)(pointer + _view.PointerOffset);
        _count = count;
    }

    /// <summary>Makes the queue's file: <paramref name="path"/>, its counter at zero.</summary>
    public static void Create(string path) => File.WriteAllBytes(path, new byte[sizeof(long)]);

    public static SharedWorkQueue Open(string path, int count) => new(path, count);

    /// <summary>The number of the next item, or -1 when all <c>count</c> have been claimed.</summary>
    public int Claim()
    {
        var claimed = Interlocked.Increment(ref *_next) - 1;
        return claimed < _count ? (int)claimed : -1;
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
