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
        if (text.Length == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        var result = sb.ToString();
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' or '\u180E';
}
