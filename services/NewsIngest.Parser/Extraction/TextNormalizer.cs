using System.Text;

namespace NewsIngest.Parser.Extraction;

/// <summary>Normalises extracted text: Unicode NFC, whitespace collapsed, invisible characters removed.</summary>
public static class TextNormalizer
{
    /// <summary>Collapses every run of whitespace (including no-break spaces) to one space and trims;
    /// drops soft hyphens, zero-width spaces, word joiners and byte-order marks; composes to NFC.
    /// Zero-width (non-)joiners are kept: they carry meaning in Persian, Indic scripts and emoji.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || IsNormalText(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // A lone surrogate (broken markup or a bad numeric reference) becomes U+FFFD; pairs pass through.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    AppendPending(sb, ref pendingSpace);
                    sb.Append(c).Append(text[++i]);
                }
                else
                {
                    AppendPending(sb, ref pendingSpace);
                    sb.Append('\uFFFD');
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            AppendPending(sb, ref pendingSpace);
            sb.Append(c);
        }

        var result = sb.ToString();
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    private static void AppendPending(StringBuilder sb, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            sb.Append(' ');
            pendingSpace = false;
        }
    }

    /// <summary>Whether <see cref="Normalize"/> would return the text unchanged: no invisible character, no
    /// surrogate, no whitespace but single spaces between other characters, and already NFC. Most blocks and runs
    /// are, and then no copy is made.</summary>
    private static bool IsNormalText(string text)
    {
        var previousSpace = true;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
                continue;
            }

            if (IsInvisible(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c))
            {
                return false;
            }

            previousSpace = false;
        }

        return !previousSpace && text.IsNormalized(NormalizationForm.FormC);
    }

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' or '\u180E';
}
