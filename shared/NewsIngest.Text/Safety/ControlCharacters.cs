using System.Text;

namespace NewsIngest.Text.Safety;

/// <summary>
/// Removes what could forge a log line, a console line or a record field out of text from outside: C0 and C1 control
/// characters (CR, LF, ESC…, DEL) and the Unicode line and paragraph separators. Tabs and line breaks become one space
/// so words stay apart; everything else is dropped.
/// </summary>
public static class ControlCharacters
{
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                sb.Append(c);
            }
            else if (c is '\t' or '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' && sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>Null stays null.</summary>
    public static string? StripOrNull(string? text) => text is null ? null : Strip(text);

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
