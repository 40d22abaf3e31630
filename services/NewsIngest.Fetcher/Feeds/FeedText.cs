using System.Buffers;
using System.Text.Unicode;
using NewsIngest.Text.Charsets;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// A feed's bytes as text for the readers. A UTF-8 feed (by its byte-order mark, its charset, its XML declaration or
/// by default: nearly every feed) is decoded into a char array rented from <see cref="ArrayPool{T}.Shared"/> and
/// returned by <see cref="Dispose"/>, instead of a fresh string of twice its size on the large-object heap per parse.
/// Which feeds are UTF-8 is <see cref="TextDecoder.ReadsFeedAsUtf8"/>'s answer; any other feed, and UTF-8 bytes that
/// are not valid UTF-8, go through <see cref="TextDecoder.DecodeFeed"/>.
/// </summary>
internal sealed class FeedText : IDisposable
{
    private char[]? _rented;

    private FeedText(ReadOnlyMemory<char> text, char[]? rented)
    {
        Text = text;
        _rented = rented;
    }

    public ReadOnlyMemory<char> Text { get; }

    public static FeedText Decode(ReadOnlySpan<byte> content, string? contentType)
    {
        if (TextDecoder.ReadsFeedAsUtf8(content, contentType, out var utf8))
        {
            var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length)); // UTF-8 never has more chars than bytes
            if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return new FeedText(chars.AsMemory(0, written), chars);
            }

            ArrayPool<char>.Shared.Return(chars);
        }

        return new FeedText(TextDecoder.DecodeFeed(content, contentType).AsMemory(), null);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } chars)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
