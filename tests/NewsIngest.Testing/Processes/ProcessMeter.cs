using System.Globalization;

namespace NewsIngest.Testing;

/// <summary>
/// CPU time and peak memory of a process and its descendants, read from Linux's <c>/proc</c>: CPU is
/// utime + stime (+ cutime + cstime, the children already reaped) of every process in the tree, peak memory the
/// largest <c>VmHWM</c> of one of them. Take two <see cref="CpuTime"/> readings and subtract for the CPU a run cost.
/// </summary>
public static class ProcessMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux architecture .NET runs on

    /// <summary>CPU time used so far by <paramref name="rootProcessId"/> and every process below it; zero when it is gone.</summary>
    public static TimeSpan CpuTime(int rootProcessId)
    {
        long ticks = 0;
        foreach (var pid in Tree(rootProcessId))
        {
            if (ReadStat(pid) is { } stat)
            {
                ticks += stat.UserTicks + stat.SystemTicks + stat.ChildUserTicks + stat.ChildSystemTicks;
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>
    /// CPU time of the children of <paramref name="processId"/> that have ended and been reaped (cutime + cstime):
    /// read before and after a child process's whole life, the difference is what that child used.
    /// </summary>
    public static TimeSpan ReapedChildrenCpuTime(int processId) =>
        ReadStat(processId) is { } stat ? TimeSpan.FromSeconds((stat.ChildUserTicks + stat.ChildSystemTicks) / TicksPerSecond) : TimeSpan.Zero;

    /// <summary>
    /// Context switches so far of every thread alive now in process <paramref name="processId"/>: voluntary (the thread
    /// blocked: waited for I/O, parked with no work) and involuntary (preempted by the scheduler). Read from inside a
    /// process between two points of its run, the difference is how often its threads slept and were woken again.
    /// Threads that ended in between are not counted.
    /// </summary>
    public static (long Voluntary, long Involuntary) ContextSwitches(int processId)
    {
        long voluntary = 0, involuntary = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    voluntary += Count(line, "voluntary_ctxt_switches:");
                    involuntary += Count(line, "nonvoluntary_ctxt_switches:");
                }
            }
            catch (IOException)
            {
                // The thread ended while it was read.
            }
        }

        return (voluntary, involuntary);

        static long Count(string line, string field) =>
            line.StartsWith(field, StringComparison.Ordinal) ? long.Parse(line[field.Length..].Trim(), CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Largest peak resident set (<c>VmHWM</c>) of one process in the tree, in bytes; zero when it is gone.</summary>
    public static long PeakResidentBytes(int rootProcessId) => LargestStatus(rootProcessId, "VmHWM:");

    /// <summary>Largest resident set now (<c>VmRSS</c>) of one process in the tree, in bytes; zero when it is gone.</summary>
    public static long ResidentBytes(int rootProcessId) => LargestStatus(rootProcessId, "VmRSS:");

    private static long LargestStatus(int rootProcessId, string field)
    {
        long peak = 0;
        foreach (var pid in Tree(rootProcessId))
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
                if (line is not null && long.TryParse(line[field.Length..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes))
                {
                    peak = Math.Max(peak, kilobytes * 1024);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }

        return peak;
    }

    /// <summary>The process and all its descendants that are alive now.</summary>
    public static IReadOnlyList<int> Tree(int rootProcessId)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadStat(pid) is { } stat)
            {
                parents[pid] = stat.ParentId;
            }
        }

        if (!parents.ContainsKey(rootProcessId))
        {
            return [];
        }

        var tree = new List<int> { rootProcessId };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    private static Stat? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ..." — comm may hold spaces and parentheses, so fields are counted after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture); // field numbers as in proc(5)
        return new Stat((int)Field(4), Field(14), Field(15), Field(16), Field(17));
    }

    private readonly record struct Stat(int ParentId, long UserTicks, long SystemTicks, long ChildUserTicks, long ChildSystemTicks);
}
