using System.Runtime.InteropServices;

namespace NewsIngest.Testing;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): the time it ran, not the time it waited for a
/// core, so a measurement on a loaded machine counts the work and not the other processes.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ThreadCpuTime = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && clock_gettime(ThreadCpuTime, out _) == 0;

    public static double NowMilliseconds() =>
        clock_gettime(ThreadCpuTime, out var time) == 0
            ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0)
            : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");

    [LibraryImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int clock_gettime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
