using System.Text;

namespace NewsIngest.Parser.Text;

/// <summary>Unicode NFC, white space folded to single spaces, soft hyphens and zero-width spaces removed (joiners stay: scripts such as Urdu need them).</summary>
public static class TextNormalizer
{
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
