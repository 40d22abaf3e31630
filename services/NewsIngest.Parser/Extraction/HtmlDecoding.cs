using System.Text;
using System.Text.RegularExpressions;
using NewsIngest.Parser.Text;

namespace NewsIngest.Parser.Extraction;

/// <summary>Turns the bytes of a fetched page into text: byte-order mark first, then the HTTP charset, then a
/// <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration in the first 4 KB, and UTF-8 when none is given.</summary>
public static partial class HtmlDecoding
{
    private const int SniffLength = 4096;

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (ByteOrderMark.TryDecode(bytes, out var marked))
        {
            return marked;
        }

        var encoding = FromName(CharsetIn(contentType)) ?? FromName(CharsetInMarkup(bytes)) ?? Encoding.UTF8;

        // A page cannot declare itself UTF-16 from inside ASCII-compatible markup; such a declaration means UTF-8.
        if (encoding is UnicodeEncoding)
        {
            encoding = Encoding.UTF8;
        }

        return encoding.GetString(bytes);
    }

    private static string? CharsetIn(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var m = Charset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? CharsetInMarkup(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffLength)]);
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim().Trim('"', '\''));

            // As browsers do (WHATWG Encoding): ISO-8859-1 and US-ASCII labels mean windows-1252.
            return encoding.CodePage is 28591 or 20127 ? Encoding.GetEncoding(1252) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
