using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>
/// Bodies as files under one folder (one machine, or a volume every service mounts): <c>urn:file:YYYY:MM:DD:ID</c>
/// is <c>ROOT/YYYY/MM/DD/ID</c>. Only that exact pattern is accepted, so an address can never name a path of its
/// own; the file must be a regular file (no link) no larger than <paramref name="maxBytes"/>. A released body leaves
/// an empty <c>ID.released</c> mark; the sweep deletes files older than <paramref name="timeToLive"/>.
/// </summary>
public sealed partial class FolderClaimChecks(string root, TimeSpan timeToLive, long maxBytes, TimeProvider clock) : IClaimCheckRepository
{
    private const string ReleasedSuffix = ".released";
    private readonly string _root = Path.GetFullPath(Directory.CreateDirectory(root).FullName);

    public async Task<Uri> Put(Stream stream, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var today = clock.GetUtcNow().UtcDateTime;
        var (year, month, day) = (today.ToString("yyyy", CultureInfo.InvariantCulture), today.ToString("MM", CultureInfo.InvariantCulture), today.ToString("dd", CultureInfo.InvariantCulture));
        var id = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var folder = Directory.CreateDirectory(Path.Join(_root, year, month, day)).FullName;
        var temporary = Path.Join(folder, id + ".tmp");
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await stream.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, Path.Join(folder, id)); // readers never see a half-written body
        return new Uri($"urn:file:{year}:{month}:{day}:{id}");
    }

    public async Task<Stream> Get(Uri address, CancellationToken cancellationToken = default)
    {
        var path = PathOf(address);
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            throw new ClaimCheckRefusedException(address, "a link, not a file the system wrote");
        }

        if (!info.Exists)
        {
            throw File.Exists(path + ReleasedSuffix)
                ? new ClaimCheckReleasedException(address)
                : new ClaimCheckMissingException(address, $"no such file under the claim-check folder (expired after {timeToLive}, or never written here)");
        }

        await using var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read });
        if (!file.CanSeek)
        {
            throw new ClaimCheckRefusedException(address, "not a regular file");
        }

        if (file.Length > maxBytes)
        {
            throw new ClaimCheckRefusedException(address, $"file of {file.Length} bytes is over the {maxBytes}-byte limit");
        }

        var body = new MemoryStream((int)file.Length);
        await file.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        return body;
    }

    public async Task ReleaseAsync(Uri address, CancellationToken cancellationToken)
    {
        var path = PathOf(address);
        await File.WriteAllBytesAsync(path + ReleasedSuffix, [], cancellationToken);
        File.Delete(path);
    }

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - timeToLive).UtcDateTime;
        var swept = 0;
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
                swept++;
            }
        }

        foreach (var folder in new DirectoryInfo(_root).EnumerateDirectories("*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2 }).OrderByDescending(d => d.FullName.Length))
        {
            if (!folder.EnumerateFileSystemInfos().Any() && folder.CreationTimeUtc < cutoff)
            {
                folder.Delete();
            }
        }

        return Task.FromResult(swept);
    }

    private string PathOf(Uri address)
    {
        var match = AddressPattern().Match(address.OriginalString);
        if (!match.Success)
        {
            throw new ClaimCheckRefusedException(address, "not an address of the claim-check folder (urn:file:YYYY:MM:DD:ID)");
        }

        var path = Path.GetFullPath(Path.Join(_root, match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ClaimCheckRefusedException(address, "outside the claim-check folder");
    }

    [GeneratedRegex("^urn:file:([0-9]{4}):([0-9]{2}):([0-9]{2}):([0-9a-f]{32})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
