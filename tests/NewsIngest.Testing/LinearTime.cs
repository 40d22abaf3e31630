using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;

namespace NewsIngest.Testing;

/// <summary>
/// Measures how the time of some work grows with its input: the best of a few runs per size (1, 2, 4 and 8 MB by
/// default), as milliseconds per MB. Linear work keeps the per-MB figure flat; quadratic work doubles it with each size.
/// The figures are ratios within one run on one machine, and the time is the measuring thread's CPU time where the
/// system has one (Linux), so other processes on a loaded machine take nothing from it; elsewhere the wall clock.
/// </summary>
public static class LinearTime
{
    public static readonly int[] DefaultMegabytes = [1, 2, 4, 8];

    /// <summary>Per-MB times below this (40 MB/s) count as this: work that fast is bound by memory and caches (a 1 MB input
    /// fits in the cache, 8 MB do not), not by its algorithm
    /// (a quadratic path costs seconds per MB at these sizes).</summary>
    public const double FloorMillisecondsPerMegabyte = 25;

    private const long NoGcBudgetBytes = 240L * 1024 * 1024;

    /// <param name="input">Builds the input of about the given number of megabytes.</param>
    /// <param name="work">The work measured.</param>
    /// <param name="runs">Rounds over all sizes (interleaved, so a burst of load on the machine hits every size alike); the fastest run per size counts.</param>
    public static Growth Measure<T>(Func<int, T> input, Action<T> work, int[]? megabytes = null, int runs = 5)
    {
        megabytes ??= DefaultMegabytes;
        var warmUp = input(1);
        for (var i = 0; i < 3; i++)
        {
            work(warmUp); // JIT tiers and first allocations
        }

        var inputs = megabytes.Select(input).ToArray();
        var best = megabytes.Select(_ => double.MaxValue).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < megabytes.Length; i++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                // No collection inside the measured run where the runtime allows it: collections of a growing heap
                // cost more per MB the larger the heap, which is the collector's growth, not the work's.
                var noGc = TryStartNoGc();
                var clock = Stopwatch.StartNew();
                var cpu = ThreadCpuClock.IsAvailable ? ThreadCpuClock.NowMilliseconds() : 0;
                work(inputs[i]);
                var elapsed = ThreadCpuClock.IsAvailable ? ThreadCpuClock.NowMilliseconds() - cpu : clock.Elapsed.TotalMilliseconds;
                if (noGc && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }

                best[i] = Math.Min(best[i], elapsed);
            }
        }

        return new Growth(megabytes, [.. best.Select((ms, i) => ms / megabytes[i])]);
    }

    private static bool TryStartNoGc()
    {
        try
        {
            return GC.TryStartNoGCRegion(NoGcBudgetBytes);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // more than this runtime allows: measured with collections
        }
    }

    /// <summary>The pattern repeated to about <paramref name="megabytes"/> MB of characters.</summary>
    public static string Repeat(string pattern, int megabytes)
    {
        var count = megabytes * 1024 * 1024 / pattern.Length;
        return new StringBuilder(pattern.Length * count).Insert(0, pattern, count).ToString();
    }

    public sealed record Growth(int[] Megabytes, double[] MillisecondsPerMegabyte)
    {
        /// <summary>The largest per-MB time over the smallest: 1 for perfectly linear work.</summary>
        public double Spread =>
            Math.Max(MillisecondsPerMegabyte.Max(), FloorMillisecondsPerMegabyte) / Math.Max(MillisecondsPerMegabyte.Min(), FloorMillisecondsPerMegabyte);

        /// <summary>The largest per-MB time at a size over the per-MB time at any smaller size (floored as in
        /// <see cref="Spread"/>): 1 or less for work that grows at most linearly, including bounded work that gets cheaper
        /// per MB as the input grows past its bound.</summary>
        public double Rise
        {
            get
            {
                var floored = MillisecondsPerMegabyte.Select(ms => Math.Max(ms, FloorMillisecondsPerMegabyte)).ToArray();
                var rise = 1.0;
                for (var larger = 1; larger < floored.Length; larger++)
                {
                    rise = Math.Max(rise, floored[larger] / floored[..larger].Min());
                }

                return rise;
            }
        }

        public override string ToString() =>
            string.Join(", ", Megabytes.Zip(MillisecondsPerMegabyte, (mb, ms) => string.Create(CultureInfo.InvariantCulture, $"{mb} MB: {ms:F1} ms/MB"))) +
            string.Create(CultureInfo.InvariantCulture, $" (spread {Spread:F2}, rise {Rise:F2}, {(ThreadCpuClock.IsAvailable ? "thread CPU time" : "wall clock")})");
    }
}
