using NewsIngest.Text.Charsets;

namespace NewsIngest.Parser.Text;

/// <summary>Turns the bytes of a plain-text article into text (the shared <see cref="TextDecoder.DecodePlain"/>), or says why they are not text.</summary>
public static class TextDecoding
{
    /// <returns>The text, or null with <paramref name="rejection"/> set for empty or binary content.</returns>
    public static string? Decode(ReadOnlySpan<byte> bytes, string? charset, out string? rejection)
    {
        rejection = null;
        var text = TextDecoder.DecodePlain(bytes, charset);
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
}
