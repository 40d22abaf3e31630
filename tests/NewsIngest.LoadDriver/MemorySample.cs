using System.Diagnostics;
using NewsIngest.Testing;

namespace NewsIngest.LoadDriver;

/// <summary>Resident memory (VmRSS, largest process of each tree) of every part of the run, at one moment of a phase.</summary>
internal sealed record MemorySample(TimeSpan At, IReadOnlyDictionary<string, long> Resident)
{
    /// <summary>One sample at each of <paramref name="moments"/> (from now); the ones not reached before cancellation are left out.</summary>
    public static async Task<IReadOnlyList<MemorySample>> TakeAtAsync(
        IReadOnlyDictionary<string, int> processes, IReadOnlyList<TimeSpan> moments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var samples = new List<MemorySample>();
        foreach (var moment in moments.Order())
        {
            try
            {
                var wait = moment - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }

            samples.Add(new MemorySample(moment, processes.ToDictionary(p => p.Key, p => ProcessMeter.ResidentBytes(p.Value), StringComparer.Ordinal)));
        }

        return samples;
    }
}
