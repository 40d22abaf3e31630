using System.Globalization;
using System.Net;
using System.Text;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Decodes character and entity references the way a forgiving reader expects: the five XML entities, numeric
/// references and every HTML 4 named entity (feeds use &amp;nbsp; without declaring it). Anything else, including a
/// stray ampersand, is kept literally.
/// </summary>
internal static class EntityDecoder
{
    public static string Decode(ReadOnlySpan<char> raw)
    {
        var amp = raw.IndexOf('&');
        if (amp < 0)
        {
            return raw.ToString();
        }

        var sb = new StringBuilder(raw.Length);
        while (amp >= 0)
        {
            sb.Append(raw[..amp]);
            raw = raw[amp..];
            var consumed = TryDecodeReference(raw, sb);
            if (consumed == 0)
            {
                sb.Append('&');
                consumed = 1;
            }

            raw = raw[consumed..];
            amp = raw.IndexOf('&');
        }

        sb.Append(raw);
        return sb.ToString();
    }

    /// <summary>Decodes the reference at the start of <paramref name="raw"/> (which begins with '&amp;'); returns chars consumed, 0 if none.</summary>
    private static int TryDecodeReference(ReadOnlySpan<char> raw, StringBuilder sb)
    {
        var semi = raw[..Math.Min(raw.Length, 40)].IndexOf(';');
        if (raw.Length > 2 && raw[1] == '#')
        {
            return DecodeNumeric(raw, semi, sb);
        }

        if (semi <= 1)
        {
            return 0;
        }

        var name = raw[1..semi];
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return 0;
            }
        }

        switch (name)
        {
            case "lt": sb.Append('<'); return semi + 1;
            case "gt": sb.Append('>'); return semi + 1;
            case "amp": sb.Append('&'); return semi + 1;
            case "quot": sb.Append('"'); return semi + 1;
            case "apos": sb.Append('\''); return semi + 1;
        }

        var reference = raw[..(semi + 1)].ToString();
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference)
        {
            sb.Append(reference);
        }
        else
        {
            sb.Append(decoded);
        }

        return semi + 1;
    }

    private static int DecodeNumeric(ReadOnlySpan<char> raw, int semi, StringBuilder sb)
    {
        var hex = raw.Length > 3 && (raw[2] == 'x' || raw[2] == 'X');
        var start = hex ? 3 : 2;
        var end = start;
        while (end < raw.Length && end - start < 8 && (hex ? char.IsAsciiHexDigit(raw[end]) : char.IsAsciiDigit(raw[end])))
        {
            end++;
        }

        if (end == start)
        {
            return 0;
        }

        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (!int.TryParse(raw[start..end], style, CultureInfo.InvariantCulture, out var code))
        {
            return 0;
        }

        if (code is >= 0x80 and <= 0x9F)
        {
            // Windows-1252 code points written as numeric references (&#147; for a curly quote).
            code = Cp1252.Map((char)code);
        }

        if (code == 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            sb.Append('\uFFFD');
        }
        else
        {
            sb.Append(char.ConvertFromUtf32(code));
        }

        var consumed = end;
        if (semi == end)
        {
            consumed++;
        }

        return consumed;
    }
}
