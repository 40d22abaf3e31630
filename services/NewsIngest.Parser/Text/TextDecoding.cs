using System.Text;

namespace NewsIngest.Parser.Text;

/// <summary>Turns the bytes of a plain-text article into text, or says why they are not text.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <returns>The text, or null with <paramref name="rejection"/> set for empty or binary content.</returns>
    public static string? Decode(ReadOnlySpan<byte> bytes, string? charset, out string? rejection)
    {
        rejection = null;
        var text = DecodeCharacters(bytes, charset);
        if (string.IsNullOrWhiteSpace(text))
        {
            rejection = "empty: no text at all";
            return null;
        }

        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                rejection = "binary: contains NUL bytes";
                return null;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f') || c == '\uFFFD')
            {
                control++;
            }
        }

        if (control > text.Length / 20)
        {
            rejection = $"binary: {control} of {text.Length} characters are control or undecodable characters";
            return null;
        }

        return text;
    }

    private static string DecodeCharacters(ReadOnlySpan<byte> bytes, string? charset)
    {
        if (ByteOrderMark.TryDecode(bytes, out var marked))
        {
            return marked;
        }

        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim()).GetString(bytes);
            }
            catch (ArgumentException)
            {
                // Unknown charset: fall through to detection.
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}
