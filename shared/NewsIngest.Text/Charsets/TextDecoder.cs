using System.Text;

namespace NewsIngest.Text.Charsets;

/// <summary>
/// Turns fetched bytes into text, for each kind of document the pipeline reads. Every path: byte-order mark first,
/// then the labels that kind of document carries, resolved by <see cref="CharsetNames"/> (unknown or unsupported
/// labels fall back, never throw), then UTF-8; bytes that are not UTF-8 after all are read as windows-1252.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A feed: BOM, a 16-bit layout without BOM, the HTTP charset, the XML declaration, UTF-8.</summary>
    public static string DecodeFeed(ReadOnlySpan<byte> content, string? contentType)
    {
        var encoding = FeedEncoding(content, contentType, out var start);
        return DecodeOrFallback(content[start..], encoding);
    }

    /// <summary>
    /// Whether <see cref="DecodeFeed"/> reads <paramref name="content"/> as UTF-8 (strictly, windows-1252 when the bytes
    /// are not UTF-8 after all), and the bytes it reads (after a byte-order mark): for a caller that decodes UTF-8 itself.
    /// </summary>
    public static bool ReadsFeedAsUtf8(ReadOnlySpan<byte> content, string? contentType, out ReadOnlySpan<byte> text)
    {
        var encoding = FeedEncoding(content, contentType, out var start);
        text = content[start..];
        return encoding is null || encoding.CodePage == 65001;
    }

    /// <returns>
    /// The encoding a feed is read with (null: UTF-8, windows-1252 for bytes that are not UTF-8), and in
    /// <paramref name="start"/> where its text begins (after a byte-order mark).
    /// </returns>
    private static Encoding? FeedEncoding(ReadOnlySpan<byte> content, string? contentType, out int start) =>
        ByteOrderMark.Detect(content, out start)
        ?? SniffUtf16(content)
        ?? CharsetNames.Resolve(CharsetLabels.InContentType(contentType))
        ?? CharsetNames.Resolve(CharsetLabels.InXmlDeclaration(content));

    /// <summary>
    /// A page: BOM, the HTTP charset, a &lt;meta&gt; declaration in the first 4 KB (unless the bytes are plainly UTF-8),
    /// UTF-8 (invalid bytes as U+FFFD).
    /// </summary>
    public static string DecodeHtml(ReadOnlySpan<byte> content, string? contentType)
    {
        if (ByteOrderMark.Detect(content, out var length) is { } marked)
        {
            return marked.GetString(content[length..]);
        }

        var encoding = CharsetNames.Resolve(CharsetLabels.InContentType(contentType)) ?? CharsetNames.Resolve(CharsetLabels.InMetaTag(content));
        return (encoding is null || IsUtf8Despite(encoding, content) ? Encoding.UTF8 : encoding).GetString(content);
    }

    /// <summary>
    /// Pages that declare a legacy charset but were saved as UTF-8 are common (a template's old meta tag). Non-ASCII
    /// bytes that are all valid UTF-8 sequences are almost never legacy text (a windows-1252 "é" before a letter, or
    /// GB2312 or Shift_JIS prose, is not valid UTF-8), so such bytes are read as UTF-8 whatever was declared.
    /// </summary>
    private static bool IsUtf8Despite(Encoding declared, ReadOnlySpan<byte> content) =>
        declared.CodePage != 65001 && !System.Text.Ascii.IsValid(content) && System.Text.Unicode.Utf8.IsValid(content);

    /// <summary>Plain text: BOM, the given charset (invalid bytes as U+FFFD), else UTF-8 or, failing that, windows-1252.</summary>
    public static string DecodePlain(ReadOnlySpan<byte> content, string? charset)
    {
        if (ByteOrderMark.Detect(content, out var length) is { } marked)
        {
            return marked.GetString(content[length..]);
        }

        return CharsetNames.Resolve(charset) is { } declared ? declared.GetString(content) : DecodeOrFallback(content, null);
    }

    /// <summary>UTF-8 (strictly, with windows-1252 for bytes that are not UTF-8) unless another encoding is given.</summary>
    private static string DecodeOrFallback(ReadOnlySpan<byte> content, Encoding? encoding)
    {
        if (encoding is not null && encoding.CodePage != 65001)
        {
            return encoding.GetString(content);
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }

    private static Encoding? SniffUtf16(ReadOnlySpan<byte> content)
    {
        if (content.Length < 4)
        {
            return null;
        }

        // "<?" or "<r" etc. in UTF-16 without a BOM: every other byte is zero.
        if (content[0] != 0 && content[1] == 0 && content[2] != 0 && content[3] == 0)
        {
            return Encoding.Unicode;
        }

        if (content[0] == 0 && content[1] != 0 && content[2] == 0 && content[3] != 0)
        {
            return Encoding.BigEndianUnicode;
        }

        return null;
    }
}
