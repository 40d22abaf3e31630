namespace NewsIngest.Testing;

/// <summary>
/// Scratch directories for throwaway servers. They live under <c>NEWSINGEST_TEST_TMP</c> when set
/// (tests/run.sh points it at one directory per run, so it can sweep leftovers), else under the system temp path.
/// </summary>
public static class TestDirectory
{
    public const string RootVariable = "NEWSINGEST_TEST_TMP";

    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(RootVariable);
            return string.IsNullOrWhiteSpace(configured) ? Path.GetTempPath() : configured;
        }
    }

    /// <summary>
    /// Creates <c>newsingest-PURPOSE-xxxxxxxx</c> under <see cref="Root"/>, owned by this test process. The first call
    /// also removes what test processes that died left behind (their processes and directories, see TestOwnership).
    /// </summary>
    public static string Create(string purpose)
    {
        var root = Root;
        Directory.CreateDirectory(root);
        TestOwnership.SweepOnce(root);
        var path = Path.Combine(root, $"newsingest-{purpose}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(path);
        TestOwnership.Claim(path);
        return path;
    }

    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100 * attempt);
            }
            catch (UnauthorizedAccessException) when (attempt < 10)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    internal static string Tail(string file, int lines)
    {
        if (!File.Exists(file))
        {
            return $"({file} does not exist)";
        }

        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException ex)
        {
            return $"({file} could not be read: {ex.Message})";
        }
    }
}
