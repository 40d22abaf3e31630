using System.Text;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Turns fetched bytes into text. Precedence: byte order mark, then the HTTP charset, then the XML
/// declaration's encoding, then UTF-8; bytes that are not valid in the chosen encoding fall back to windows-1252.
/// ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do, so "smart quotes" survive.
/// </summary>
internal static class FeedTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static FeedTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> content, string? contentType)
    {
        if (TryDecodeWithBom(content, out var text))
        {
            return text;
        }

        var sniffed = SniffUtf16(content);
        if (sniffed is not null)
        {
            return sniffed.GetString(content);
        }

        var encoding = ResolveEncoding(CharsetOf(contentType)) ?? ResolveEncoding(DeclaredEncoding(content));
        if (encoding is not null && encoding.CodePage is 1200 or 1201 or 12000 or 12001)
        {
            // A UTF-16/32 label on a document without a BOM or 16-bit layout is a lie: the bytes are 8-bit.
            encoding = null;
        }

        return DecodeStrictOrFallback(content, encoding ?? StrictUtf8);
    }

    private static bool TryDecodeWithBom(ReadOnlySpan<byte> content, out string text)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = DecodeStrictOrFallback(content[3..], StrictUtf8);
            return true;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            text = new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(content[4..]);
            return true;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            text = new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(content[4..]);
            return true;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(content[2..]);
            return true;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(content[2..]);
            return true;
        }

        text = "";
        return false;
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

    private static string DecodeStrictOrFallback(ReadOnlySpan<byte> content, Encoding encoding)
    {
        if (encoding.CodePage == 65001)
        {
            try
            {
                return StrictUtf8.GetString(content);
            }
            catch (DecoderFallbackException)
            {
                return Encoding.GetEncoding(1252).GetString(content);
            }
        }

        return encoding.GetString(content);
    }

    internal static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[8..].Trim().Trim('"', '\'');
            }
        }

        return null;
    }

    private static string? DeclaredEncoding(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 2048)];
        var start = head.IndexOf("<?xml"u8);
        if (start < 0)
        {
            return null;
        }

        head = head[start..];

        var end = head.IndexOf("?>"u8);
        if (end < 0)
        {
            return null;
        }

        var declaration = Encoding.ASCII.GetString(head[..end]);
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + 8)..].TrimStart();
        if (!rest.StartsWith('='))
        {
            return null;
        }

        rest = rest[1..].TrimStart();
        if (rest.Length == 0 || (rest[0] != '"' && rest[0] != '\''))
        {
            return null;
        }

        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : rest[1..close];
    }

    private static Encoding? ResolveEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var normalized = name.Trim().ToLowerInvariant();
        if (normalized is "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "cp1252")
        {
            return Encoding.GetEncoding(1252);
        }

        try
        {
            return Encoding.GetEncoding(normalized);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
