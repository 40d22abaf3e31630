using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NewsIngest.Fetcher.Inbox;

/// <summary>
/// Opens an inbox entry once, for reading, only if it is a regular file: never through a symbolic link (checked
/// without following it, and on Linux the open itself refuses one with <c>O_NOFOLLOW</c>, so a file swapped for a
/// link between the check and the open is refused too), never a FIFO or device (which cannot seek), and reads at
/// most the size limit from that one handle.
/// </summary>
internal static partial class InboxFile
{
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    /// <exception cref="InboxFileRefusedException">The entry is not a regular file, is empty or is too large.</exception>
    public static async Task<byte[]> ReadAsync(FileInfo entry, long maxBytes, CancellationToken cancellationToken)
    {
        var rejection = Refusal(entry);
        if (rejection is not null)
        {
            throw new InboxFileRefusedException(rejection);
        }

        await using var stream = Open(entry.FullName);
        if (!stream.CanSeek)
        {
            throw new InboxFileRefusedException("not a regular file");
        }

        var length = stream.Length;
        if (length == 0)
        {
            throw new InboxFileRefusedException("empty file");
        }

        if (length > maxBytes)
        {
            throw new InboxFileRefusedException($"file of {length} bytes is over the {maxBytes}-byte limit");
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = await stream.ReadAsync(bytes.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == bytes.Length ? bytes : bytes[..read];
    }

    /// <summary>Judged from the entry itself (lstat): a link, dangling or not, is refused without being followed.</summary>
    private static string? Refusal(FileInfo entry)
    {
        entry.Refresh();
        if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
        {
            return "symbolic link (only regular files are read)";
        }

        return entry.Exists ? null : "the file is gone";
    }

    private static FileStream Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 0 });
        }

        var noFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;
        var fd = OpenFile(path, ReadOnly | NonBlocking | CloseOnExec | noFollow);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new InboxFileRefusedException(errno == 40 ? "symbolic link (only regular files are read)" : $"cannot be opened (errno {errno})");
        }

        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags);
}
