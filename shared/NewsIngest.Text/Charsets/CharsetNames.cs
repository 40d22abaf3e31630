using System.Text;

namespace NewsIngest.Text.Charsets;

/// <summary>
/// Turns a charset label (HTTP header, XML declaration, &lt;meta&gt;) into an encoding we are willing to use, or null.
/// Unknown and unsupported labels (utf-7 among them) are null, never an exception; so are labels of encodings that
/// cannot be declared from inside ASCII markup (UTF-16/32, EBCDIC): such a declaration is a lie about 8-bit bytes.
/// ISO-8859-1 and US-ASCII labels mean windows-1252, as browsers read them (WHATWG Encoding).
/// </summary>
public static class CharsetNames
{
    private static readonly byte[] AsciiProbe = "<?xml encoding='x'?><meta charset=\"x\">"u8.ToArray();

    static CharsetNames() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').Trim().ToLowerInvariant();
        if (name.Length is 0 or > 64 || name.Contains("utf-7", StringComparison.Ordinal) || name.Contains("utf7", StringComparison.Ordinal))
        {
            return null;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }

        if (encoding.CodePage is 28591 or 20127)
        {
            return Encoding.GetEncoding(1252);
        }

        return IsAsciiCompatible(encoding) ? encoding : null;
    }

    /// <summary>Encodings that decode ASCII markup as ASCII: the only ones a document can name from inside itself.</summary>
    private static bool IsAsciiCompatible(Encoding encoding)
    {
        if (encoding.CodePage is 65000 or 1200 or 1201 or 12000 or 12001)
        {
            return false;
        }

        try
        {
            return encoding.GetString(AsciiProbe) == Encoding.ASCII.GetString(AsciiProbe);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            return false;
        }
    }
}
