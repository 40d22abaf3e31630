namespace NewsIngest.Cli.Embedded;

/// <summary>What one all-in-one run did, for its closing line.</summary>
public sealed class RunSummary
{
    private int _stored;
    private int _updated;
    private int _rejected;

    public int Stored => Volatile.Read(ref _stored);

    public int Updated => Volatile.Read(ref _updated);

    public int Rejected => Volatile.Read(ref _rejected);

    public void CountStored() => Interlocked.Increment(ref _stored);

    public void CountUpdated() => Interlocked.Increment(ref _updated);

    public void CountRejected() => Interlocked.Increment(ref _rejected);
}
