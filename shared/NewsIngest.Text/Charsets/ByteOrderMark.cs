using System.Text;

namespace NewsIngest.Text.Charsets;

/// <summary>Recognises a UTF-8, UTF-16 or UTF-32 byte-order mark; the mark wins over any declared charset.</summary>
public static class ByteOrderMark
{
    /// <returns>The encoding the mark names (and its length), or null when the bytes start with none.</returns>
    public static Encoding? Detect(ReadOnlySpan<byte> bytes, out int length)
    {
        (Encoding? encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }
}
