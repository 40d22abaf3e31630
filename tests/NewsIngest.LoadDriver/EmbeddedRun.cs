using System.Diagnostics;
using System.Globalization;
using NewsIngest.Testing;
using NewsIngest.Testing.Pipeline;

namespace NewsIngest.LoadDriver;

/// <summary>
/// The same articles through <c>newsingest run --once</c>: all four services in one process (in-memory transport,
/// SQLite), the feeds served by the CLI itself from files. Its CPU is read from this process's reaped-children time.
/// The embedded mode does not fetch full-article pages (<c>FullArticle=Off</c>): those items go through as their teaser.
/// </summary>
internal static class EmbeddedRun
{
    public static async Task<EmbeddedResult> RunAsync(string cli, IReadOnlyList<GeneratedArticle> articles, int feedCount, TimeSpan timeout)
    {
        var directory = TestDirectory.Create("embedded");
        try
        {
            GeneratedFeeds.WriteFiles(articles, feedCount, Path.Combine(directory, "feeds"), new Uri("http://127.0.0.1/"));
            Directory.CreateDirectory(Path.Combine(directory, "inbox"));
            var before = ProcessMeter.ReapedChildrenCpuTime(Environment.ProcessId);
            var clock = Stopwatch.StartNew();
            long peak = 0;
            int exitCode;
            await using (var run = ServiceProcess.StartDll(
                cli,
                arguments: ["run", "--once", "--samples", directory, "--db", Path.Combine(directory, "embedded.db"), "--timeout", timeout.ToString("c", CultureInfo.InvariantCulture),
                           "--feed-port", FreePort.Next().ToString(CultureInfo.InvariantCulture)]))
            {
                using var deadline = new CancellationTokenSource(timeout + TimeSpan.FromMinutes(1));
                while (!run.HasExited && !deadline.IsCancellationRequested)
                {
                    peak = Math.Max(peak, ProcessMeter.PeakResidentBytes(run.ProcessId));
                    await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
                }

                exitCode = await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
                var summary = run.ErrorLines.LastOrDefault(l => l.Contains(" stored, ", StringComparison.Ordinal)) ?? "(no summary line)";
                var cpu = ProcessMeter.ReapedChildrenCpuTime(Environment.ProcessId) - before;
                return new EmbeddedResult(clock.Elapsed, cpu, peak, exitCode, summary.Trim());
            }
        }
        finally
        {
            await TestDirectory.DeleteAsync(directory);
        }
    }
}

internal sealed record EmbeddedResult(TimeSpan Wall, TimeSpan Cpu, long PeakResidentBytes, int ExitCode, string Summary);
