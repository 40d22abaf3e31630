using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>Small helpers for text that is, or may be, HTML.</summary>
internal static partial class HtmlText
{
    /// <summary>Escapes '&amp;', '&lt;' and '&gt;' for use as HTML text.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Escapes a value for a double-quoted HTML attribute.</summary>
    public static string EscapeAttribute(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        return Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Guesses whether text declared as plain is really HTML: it must close a tag or use an entity, and every tag
    /// and entity in it must be ordinary HTML. Errs on the side of plain text.
    /// </summary>
    public static bool LooksLikeHtml(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return false;
        }

        if (!CloseTag().IsMatch(text) && !EntityReference().IsMatch(text))
        {
            return false;
        }

        foreach (Match match in AnyTag().Matches(text))
        {
            if (!HtmlFragment.IsAcceptableElement(match.Groups[1].Value.ToLowerInvariant()))
            {
                return false;
            }
        }

        foreach (Match match in NamedEntity().Matches(text))
        {
            var reference = match.Value;
            if (WebUtility.HtmlDecode(reference) == reference)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"</(\w+)>")]
    private static partial Regex CloseTag();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex EntityReference();

    [GeneratedRegex(@"</?(\w+)")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"&(\w+);")]
    private static partial Regex NamedEntity();
}
