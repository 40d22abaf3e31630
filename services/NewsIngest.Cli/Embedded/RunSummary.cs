namespace NewsIngest.Cli.Embedded;

/// <summary>What one all-in-one run did, for its closing line.</summary>
public sealed class RunSummary
{
    private int _stored;

    public int Stored => Volatile.Read(ref _stored);

    public void CountStored() => Interlocked.Increment(ref _stored);
}
