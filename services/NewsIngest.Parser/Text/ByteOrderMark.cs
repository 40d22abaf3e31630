using System.Text;

namespace NewsIngest.Parser.Text;

/// <summary>Decodes bytes that start with a UTF-8 or UTF-16 byte-order mark; the mark wins over any declared charset.</summary>
public static class ByteOrderMark
{
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        (Encoding? encoding, int length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        text = encoding?.GetString(bytes[length..]) ?? string.Empty;
        return encoding is not null;
    }
}
