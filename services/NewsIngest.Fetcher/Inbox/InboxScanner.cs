using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.Fetcher.Telemetry;
using NewsIngest.Text.Safety;

namespace NewsIngest.Fetcher.Inbox;

/// <summary>
/// Publishes each plain-text article dropped into the inbox folder. Files should be dropped atomically
/// (written elsewhere, then moved in); hidden, <c>.tmp</c> and <c>.part</c> files are left alone.
/// Read files move to <c>.processed/</c>; empty, binary or oversized files, symbolic links (dangling or not) and other
/// non-regular entries to <c>.rejected/</c> with one WARN line (see <see cref="InboxFile"/>). Control characters in a
/// file name are stripped before the name reaches a log line or the item's origin. A file that fails otherwise is one
/// WARN line and left alone until it changes; a failed publish stops the scan and the file stays for the next one.
/// </summary>
public sealed class InboxScanner(
    IFetchedItemPublisher publisher,
    IOptions<FetcherOptions> options,
    ILogger<InboxScanner> logger)
{
    private readonly HashSet<string> _readInPlace = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    /// <summary>Rejected entries that could not be moved away: reported once, not on every scan.</summary>
    private readonly HashSet<string> _unmovable = new(StringComparer.Ordinal);

    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.InboxPath is null || !Directory.Exists(settings.InboxPath))
        {
            return 0;
        }

        var published = 0;
        foreach (var entry in new DirectoryInfo(settings.InboxPath).EnumerateFiles().OrderBy(file => file.Name, StringComparer.Ordinal))
        {
            var name = entry.Name;
            if (name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = $"{entry.FullName}|{entry.LastWriteTimeUtc.Ticks}";
            if (_failed.Contains(key))
            {
                continue;
            }

            try
            {
                if (await ReadAsync(entry, settings, cancellationToken))
                {
                    published++;
                }
            }
            catch (Exception ex) when (ex is not PublishFailedException && !cancellationToken.IsCancellationRequested)
            {
                // One file's fault (gone, locked, unreadable, cannot be moved): one line, left alone until it changes.
                _failed.Add(key);
                logger.LogWarning("Skipped inbox file {InboxFile}: {Reason}", ControlCharacters.Strip(name), $"{ex.GetType().Name}: {ex.Message}");
            }
        }

        return published;
    }

    private async Task<bool> ReadAsync(FileInfo entry, FetcherOptions settings, CancellationToken cancellationToken)
    {
        var name = ControlCharacters.Strip(entry.Name);
        var key = $"{entry.FullName}|{entry.LastWriteTimeUtc.Ticks}";
        if ((!settings.MoveProcessedFiles && !_readInPlace.Add(key)) || _unmovable.Contains(entry.FullName))
        {
            return false;
        }

        string? rejection = null;
        byte[] bytes = [];
        try
        {
            bytes = await InboxFile.ReadAsync(entry, settings.MaxResponseBytes, cancellationToken);
        }
        catch (InboxFileRefusedException refused)
        {
            rejection = refused.Message;
        }

        if (rejection is null && bytes.AsSpan().Contains((byte)0))
        {
            rejection = "binary file (contains NUL bytes)";
        }
        else if (rejection is null && bytes.AsSpan().TrimStart(" \t\r\n"u8).IsEmpty)
        {
            rejection = "empty file (white space only)";
        }

        FetcherMetrics.RecordInboxFile(rejected: rejection is not null);
        if (rejection is not null)
        {
            logger.LogWarning("Rejected inbox file {InboxFile}: {Reason}", name, rejection);
            try
            {
                Move(entry.FullName, settings, ".rejected");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _unmovable.Add(entry.FullName);
            }

            return false;
        }

        try
        {
            await publisher.PublishAsync(new FetchedItem
            {
                ArticleId = ArticleIds.FromContent(bytes),
                Kind = ArticleSourceKind.Text,
                Body = bytes,
                Origin = $"inbox:{name}",
            }, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the file's fault: the file stays and the next scan publishes it again.
            throw new PublishFailedException(name, ex);
        }

        Move(entry.FullName, settings, ".processed");
        return true;
    }

    private static void Move(string path, FetcherOptions settings, string folder)
    {
        if (!settings.MoveProcessedFiles)
        {
            return;
        }

        var target = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(path)!, folder));
        var destination = Path.Combine(target.FullName, Path.GetFileName(path));
        if (File.Exists(destination))
        {
            destination = Path.Combine(target.FullName, $"{Path.GetFileNameWithoutExtension(path)}.{DateTime.UtcNow:yyyyMMddHHmmssfff}{Path.GetExtension(path)}");
        }

        File.Move(path, destination);
    }
}
