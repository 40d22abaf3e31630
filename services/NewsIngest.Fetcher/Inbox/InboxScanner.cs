using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.Fetcher.Telemetry;

namespace NewsIngest.Fetcher.Inbox;

/// <summary>
/// Publishes each plain-text article dropped into the inbox folder. Files should be dropped atomically
/// (written elsewhere, then moved in); hidden, <c>.tmp</c> and <c>.part</c> files are left alone.
/// Read files move to <c>.processed/</c>, empty or binary ones to <c>.rejected/</c> with one WARN line.
/// </summary>
public sealed class InboxScanner(
    IFetchedItemPublisher publisher,
    IOptions<FetcherOptions> options,
    ILogger<InboxScanner> logger)
{
    private readonly HashSet<string> _readInPlace = new(StringComparer.Ordinal);

    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.InboxPath is null || !Directory.Exists(settings.InboxPath))
        {
            return 0;
        }

        var published = 0;
        foreach (var path in Directory.EnumerateFiles(settings.InboxPath).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = $"{path}|{File.GetLastWriteTimeUtc(path).Ticks}";
            if (!settings.MoveProcessedFiles && !_readInPlace.Add(key))
            {
                continue;
            }

            if (await ReadAsync(path, name, settings, cancellationToken))
            {
                published++;
            }
        }

        return published;
    }

    private async Task<bool> ReadAsync(string path, string name, FetcherOptions settings, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        var rejection = length switch
        {
            0 => "empty file",
            _ when length > settings.MaxResponseBytes => $"file of {length} bytes is over the {settings.MaxResponseBytes}-byte limit",
            _ => null,
        };
        var bytes = rejection is null ? await File.ReadAllBytesAsync(path, cancellationToken) : [];
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
            Move(path, settings, ".rejected");
            return false;
        }

        await publisher.PublishAsync(new FetchedItem
        {
            ArticleId = ArticleIds.FromContent(bytes),
            Kind = ArticleSourceKind.Text,
            Body = bytes,
            Origin = $"inbox:{name}",
        }, cancellationToken);
        Move(path, settings, ".processed");
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
