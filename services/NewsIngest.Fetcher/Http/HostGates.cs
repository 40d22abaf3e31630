using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsIngest.Fetcher.Http;

/// <summary>
/// Per-host politeness: at most <see cref="FetcherOptions.PerHostConcurrency"/> requests in flight to one host
/// and at least <see cref="FetcherOptions.MinHostDelay"/> between the starts of two of them.
/// </summary>
public sealed class HostGates(IOptions<FetcherOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var gate = _gates.GetOrAdd(host, _ => new Gate(settings.PerHostConcurrency));
        await gate.Slots.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.GetUtcNow();
                var start = gate.NextStart > now ? gate.NextStart : now;
                gate.NextStart = start + settings.MinHostDelay;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            return new Release(gate.Slots);
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }
    }

    private sealed class Gate(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
