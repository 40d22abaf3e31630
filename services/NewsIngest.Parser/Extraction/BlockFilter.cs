using System.Text;
using System.Text.RegularExpressions;

namespace NewsIngest.Parser.Extraction;

/// <summary>Drops blocks that are boilerplate by their own text: ad labels, share and follow prompts, newsletter
/// and cookie notices, link lists, the repeated title, and duplicates.</summary>
internal static partial class BlockFilter
{
    /// <summary>A block this long repeated right after itself is written twice on purpose.</summary>
    private const int MinRepeatedParagraph = 200;

    public static List<ContentBlock> Apply(List<ContentBlock> blocks, string? title)
    {
        var result = new List<ContentBlock>(blocks.Count);
        var titleKey = title is null ? null : Key(title);
        foreach (var block in blocks)
        {
            var text = block.Text;
            if (!Words().IsMatch(text))
            {
                continue;
            }

            if (block.Kind is not "p" && titleKey is not null && Key(text) == titleKey)
            {
                continue;
            }

            if (Label().IsMatch(text) || (text.Length < 160 && Prompt().IsMatch(text)))
            {
                continue;
            }

            if (text.Length < 300 && IsNewsletterPitch(text))
            {
                continue;
            }

            if ((text.Length < 40 && DateParsing.Parse(text.TrimEnd('.', ' ')) is not null) || (text.Length < 60 && NumericDate().IsMatch(text)))
            {
                continue;
            }

            if (IsLinkList(block))
            {
                continue;
            }

            // Repeated content stays (recipes, tables), a short block repeated right after itself does not.
            if (result.Count > 0 && result[^1].Text == text && text.Length < MinRepeatedParagraph)
            {
                continue;
            }

            result.Add(block);
        }

        return result;
    }

    private static bool IsNewsletterPitch(string text) =>
        (text.Contains("newsletter", StringComparison.OrdinalIgnoreCase) &&
         (text.Contains("sign up", StringComparison.OrdinalIgnoreCase) || text.Contains("subscribe", StringComparison.OrdinalIgnoreCase) ||
          text.Contains("inbox", StringComparison.OrdinalIgnoreCase))) ||
        Pitch().IsMatch(text);

    private static bool IsLinkList(ContentBlock block)
    {
        var density = (double)block.LinkChars / block.Text.Length;
        return block.Text.Length < 300 ? density > 0.6 : density > 0.8;
    }

    /// <summary>The letters and digits of <paramref name="s"/>, lower-cased.</summary>
    private static string Key(string s)
    {
        var key = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
        }

        return key.ToString().ToLowerInvariant();
    }

    [GeneratedRegex(@"\w", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    /// <summary>A numeric date (2018-08-25, 2019/11/19, 2019.11.19): in a short block, a dateline or "posted" line.</summary>
    [GeneratedRegex(@"\b(19|20)\d{2}[-./](0?[1-9]|1[0-2])[-./](0?[1-9]|[12]\d|3[01])\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    /// <summary>A short block anywhere in which the site asks to be followed or subscribed to.</summary>
    [GeneratedRegex(
        @"\b(follow (us|him|her|them|me) (on|at) (twitter|facebook|instagram|linkedin|x)\b|subscribe to (our|the) |sign up (for|to) (our|the) )",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pitch();

    /// <summary>A block that is nothing but a label.</summary>
    [GeneratedRegex(
        @"^\W*(advertisement|advertisment|advertising|sponsored|sponsored content|paid content|ads?|share|share this( article| story| post| page)?|share on \w+|tweet|email|e-mail|print|comments?|\d+ comments?|loading|back to top|next article|previous article|related|related (articles|stories|content|posts|news)|recommended|newsletter|subscribe|watch|listen|photo|video|image|close|menu|search|more)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    /// <summary>A short block that opens with a prompt or notice.</summary>
    [GeneratedRegex(
        @"^\W*(sign up (for|to)\b|subscribe (to|for|now)\b|follow us\b|read more\b|related( \w+)?:|click here\b|all rights reserved|copyright\b|©|we use cookies|this (web)?site uses cookies|by (using|continuing to use) (this|our) (web)?site|leave a (comment|reply)|post a comment|tags?:|filed under\b|posted in\b|continue reading\b|story continues below|skip to\b|see also\b|also read\b|you (may|might) also like|more from\b|recommended for you|get (our|the) newsletter|advertisement\b|image (credit|source):|photo credit:|(last )?updated\s*:|first published\b|published\s*:|post (a )?comment)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prompt();
}
