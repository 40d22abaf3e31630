using System.Text;

namespace NewsIngest.Text.Charsets;

/// <summary>Finds the charset label a document or its HTTP response gives: the header, the XML declaration, a &lt;meta&gt;.</summary>
public static class CharsetLabels
{
    private const int SniffLength = 4096;

    /// <summary>The <c>charset</c> parameter of a Content-Type value.</summary>
    public static string? InContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("charset", StringComparison.OrdinalIgnoreCase))
            {
                var rest = trimmed[7..].TrimStart();
                if (rest.StartsWith('='))
                {
                    return rest[1..].Trim().Trim('"', '\'');
                }
            }
        }

        return null;
    }

    /// <summary>The <c>encoding</c> of an XML declaration in the first bytes.</summary>
    public static string? InXmlDeclaration(ReadOnlySpan<byte> content)
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
        return at < 0 ? null : QuotedValueAfterEquals(declaration.AsSpan(at + 8));
    }

    /// <summary>The charset of a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration in the first 4 KB.</summary>
    public static string? InMetaTag(ReadOnlySpan<byte> content)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, SniffLength)]);
        var from = 0;
        while (from < head.Length)
        {
            var meta = head.IndexOf("<meta", from, StringComparison.OrdinalIgnoreCase);
            if (meta < 0)
            {
                return null;
            }

            var close = head.IndexOf('>', meta);
            var tag = head.AsSpan(meta, (close < 0 ? head.Length : close) - meta);
            var charset = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (charset >= 0 && QuotedValueAfterEquals(tag[(charset + 7)..]) is { Length: > 0 } label)
            {
                return label;
            }

            from = close < 0 ? head.Length : close + 1;
        }

        return null;
    }

    /// <summary>After optional spaces and '=', a quoted or bare label of name characters.</summary>
    private static string? QuotedValueAfterEquals(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        if (rest.IsEmpty || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..].TrimStart();
        if (!rest.IsEmpty && rest[0] is '"' or '\'')
        {
            rest = rest[1..];
        }

        var length = 0;
        while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is '-' or '_' or '.' or ':'))
        {
            length++;
        }

        return length == 0 ? null : rest[..length].ToString();
    }
}
