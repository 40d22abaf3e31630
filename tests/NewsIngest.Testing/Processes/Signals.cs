using System.Runtime.InteropServices;

namespace NewsIngest.Testing;

/// <summary>POSIX signals for whole process groups, which <see cref="System.Diagnostics.Process"/> cannot send.</summary>
internal static partial class Signals
{
    public const int Terminate = 15;
    public const int Kill = 9;
    private const int NoSuchProcess = 3;

    /// <summary>Sends <paramref name="signal"/> to every process in the group; false when the group is empty.</summary>
    public static bool SendToGroup(int processGroup, int signal) => kill(-processGroup, signal) == 0;

    public static bool Send(int processId, int signal) => kill(processId, signal) == 0;

    /// <summary>True while any process is left in the group (signal 0 only checks).</summary>
    public static bool GroupIsAlive(int processGroup) =>
        kill(-processGroup, 0) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int kill(int pid, int sig);
}
