using System.Text.RegularExpressions;

namespace NewsIngest.Store.Dedup;

/// <summary>
/// Drops the paragraphs that differ between syndicated copies of one story without being the story:
/// copyright and rights lines, "Read more" and related links, newsletter and follow plugs, bylines and
/// reporting credits, <c>Source:</c> lines, photo captions, publication stamps and author bios. Only short
/// paragraphs are judged, so a long paragraph that happens to mention a newsletter is kept. A wire
/// dateline (<c>LONDON (Agency) -</c>) is cut from the start of the first paragraph.
/// </summary>
internal static partial class BoilerplateFilter
{
    public static string? Keep(string paragraph, bool first)
    {
        var text = paragraph.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var words = CountWords(text);
        if ((words <= 60 && Rights().IsMatch(text))
            || (words <= 40 && (Plug().IsMatch(text) || Credit().IsMatch(text) || Published().IsMatch(text)
                || Bio().IsMatch(text)))
            || (words <= 25 && (Link().IsMatch(text) || Caption().IsMatch(text)))
            || (words <= 12 && Byline().IsMatch(text)))
        {
            return null;
        }

        return first ? Dateline().Replace(text, string.Empty, 1) : text;
    }

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            count += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return count;
    }

    [GeneratedRegex(@"^(©|\(c\)\s|copyright\b)|all rights reserved|may not be (re)?published|reproduction (is )?prohibited", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rights();

    [GeneratedRegex(@"\b(sign(ed)? up|subscribe|subscription|newsletters?|inbox|follow us|follow @|download (our|the) app|share this|join us on|like us on)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Plug();

    [GeneratedRegex(@"^\(?\s*((additional )?reporting|editing|writing|compiled|produced|translated|research) by\b|^\(?\s*sources?\s*:|^\(?\s*editor['\u2019]?s note\b|^\(?\s*(corrects|updates|adds)\b[^.]{0,80}\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"^((this|the) (article|story|report) (was |is |first |originally )+(published|appeared|posted)|originally published|(last )?(updated|published|posted)\s*(on|at)?\s*:?\s*\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Published();

    [GeneratedRegex(@"^[\p{Lu}][\p{L}.'\-]+( [\p{Lu}][\p{L}.'\-]+){0,3} (is|was) (a|an|the) ([\p{L}\-]+ ){0,3}(reporter|writer|correspondent|editor|journalist|contributor|columnist)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Bio();

    [GeneratedRegex(@"^(read more|read also|also read|related( stories| coverage| articles| content)?|see also|more on this( story)?|recommended( for you)?|more from|you may also like|continue reading|read the full (story|article)|watch|listen)\b\s*[:\-–—]?|https?://|www\.|\S@\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"^(file )?(photo|image|picture|caption|video|graphic|advertisement)\b\s*[:\-–—(]?|^advertisement$|\((photo|image|picture)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^(by|from|written by|words by|story by)\s+[\p{L}][\p{L}.'\-]*(\s+[\p{L}.'\-&,|]+)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^[\p{Lu}][\p{Lu} .'\-]{1,40}(,\s*[\p{L} .]{2,30})?\s*(\([^)]{1,40}\))?\s*[-–—:]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();
}
