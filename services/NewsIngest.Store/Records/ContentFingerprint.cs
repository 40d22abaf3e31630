using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsIngest.Contracts;

namespace NewsIngest.Store.Records;

/// <summary>
/// The exact-duplicate key of an article: SHA-256 of its title and body, case-folded, with punctuation
/// and white space folded away, so re-wrapped or re-spaced copies of one text get one key.
/// </summary>
public static class ContentFingerprint
{
    public static string Of(ParsedArticle article)
    {
        var builder = new StringBuilder(4096);
        Append(builder, article.Title);
        foreach (var paragraph in article.Paragraphs)
        {
            Append(builder, paragraph);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash);
    }

    private static void Append(StringBuilder builder, string text)
    {
        var pendingSpace = builder.Length > 0;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                pendingSpace = builder.Length > 0;
            }
        }
    }
}
