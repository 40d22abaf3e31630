using System.Diagnostics;

namespace NewsIngest.Testing;

internal static class ProcessEnvironment
{
    /// <summary>
    /// Marks the process as started by this test process (see TestOwnership), then overlays variables on the inherited
    /// environment; a null value removes the variable.
    /// </summary>
    public static void Apply(ProcessStartInfo startInfo, IReadOnlyDictionary<string, string?>? environment)
    {
        startInfo.Environment[TestOwnership.Variable] = TestOwnership.Current;
        if (environment is null)
        {
            return;
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }
    }

    /// <summary>Finds an executable on PATH, or returns null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
