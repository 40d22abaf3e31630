using System.Buffers;
using System.Text.Unicode;
using NewsIngest.Text.Charsets;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// A feed's bytes as text for the readers. A UTF-8 feed (by its byte-order mark, its charset, its XML declaration or
/// by default: nearly every feed) is decoded into a char array rented from <see cref="ArrayPool{T}.Shared"/> and
/// returned by <see cref="Dispose"/>, instead of a fresh string of twice its size on the large-object heap per parse.
/// Any other feed, and UTF-8 bytes that are not valid UTF-8, go through <see cref="TextDecoder.DecodeFeed"/>, which
/// decides by the same rules in the same order; this only recognises the case where its answer is strict UTF-8.
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
        if (IsUtf8(content, contentType, out var utf8))
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

    /// <summary>
    /// Whether <see cref="TextDecoder.DecodeFeed"/> would read <paramref name="content"/> as strict UTF-8, and which
    /// bytes (after a byte-order mark). Bytes that might be UTF-16 without a mark (a zero in the first two) are left to it.
    /// </summary>
    private static bool IsUtf8(ReadOnlySpan<byte> content, string? contentType, out ReadOnlySpan<byte> utf8)
    {
        utf8 = content;
        if (ByteOrderMark.Detect(content, out var length) is { } marked)
        {
            utf8 = content[length..];
            return marked.CodePage == 65001;
        }

        if (content.Length >= 4 && (content[0] == 0 || content[1] == 0))
        {
            return false;
        }

        var declared = CharsetNames.Resolve(CharsetLabels.InContentType(contentType)) ?? CharsetNames.Resolve(CharsetLabels.InXmlDeclaration(content));
        return declared is null || declared.CodePage == 65001;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } chars)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
