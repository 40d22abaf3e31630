using System.Text;

namespace NewsIngest.Testing;

/// <summary>
/// Lets a test process clean up after an earlier one that died (crash, kill -9, stopped debugger) without touching
/// anything whose owner still lives. Every process started through these fixtures carries
/// <c>NEWSINGEST_TEST_OWNER=pid:starttime</c>, and every scratch directory holds a <c>.owner</c> file with that value;
/// the first scratch directory a test process creates triggers one sweep of orphans.
/// </summary>
internal static class TestOwnership
{
    public const string Variable = "NEWSINGEST_TEST_OWNER";
    private const string OwnerFile = ".owner";
    private static int _swept;

    /// <summary>This process as "pid:starttime" (the start time tells a reused pid apart).</summary>
    public static string Current { get; } = Describe(Environment.ProcessId) ?? $"{Environment.ProcessId}:0";

    public static void Claim(string directory) => File.WriteAllText(Path.Combine(directory, OwnerFile), Current);

    public static void SweepOnce(string root)
    {
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            Sweep(root);
        }
    }

    /// <summary>Kills processes and deletes scratch directories (under <paramref name="root"/>) whose owner is gone.</summary>
    public static void Sweep(string root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var processId in OrphanProcesses())
        {
            Signals.Send(processId, Signals.Kill);
        }

        foreach (var directory in Directory.EnumerateDirectories(root, "newsingest-*"))
        {
            var owner = ReadOrNull(Path.Combine(directory, OwnerFile));
            if (owner is not null && !IsAlive(owner))
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Still in use or half deleted by someone else: the next sweep tries again.
                }
                catch (UnauthorizedAccessException)
                {
                    // Not ours to delete.
                }
            }
        }
    }

    private static IEnumerable<int> OrphanProcesses()
    {
        var prefix = Variable + "=";
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var processId) || processId == Environment.ProcessId)
            {
                continue;
            }

            var owner = ReadEnvironment(processId)
                .FirstOrDefault(variable => variable.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];

            // epmd serves every Erlang node on the machine, whoever started it; it is never swept.
            if (owner is not null && !IsAlive(owner) && ReadOrNull($"/proc/{processId}/comm")?.Trim() != "epmd")
            {
                yield return processId;
            }
        }
    }

    private static bool IsAlive(string owner)
    {
        var separator = owner.IndexOf(':', StringComparison.Ordinal);
        return separator > 0 && int.TryParse(owner[..separator], out var processId) && Describe(processId) == owner;
    }

    private static string? Describe(int processId)
    {
        // /proc/PID/stat is "pid (comm) state ppid ..."; field 22 is the start time. comm may hold spaces.
        var stat = ReadOrNull($"/proc/{processId}/stat");
        if (stat is null)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 ? $"{processId}:{fields[19]}" : null;
    }

    private static string[] ReadEnvironment(int processId)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{processId}/environ")).Split('\0');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
