namespace NewsIngest.Fetcher.Articles;

/// <summary>How much text an HTML fragment shows: tags dropped, whitespace runs counted once, ends trimmed.</summary>
internal static class VisibleText
{
    public static int Length(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return 0;
        }

        var length = 0;
        var inTag = false;
        var pendingSpace = false;
        foreach (var c in html)
        {
            if (inTag)
            {
                inTag = c != '>';
            }
            else if (c == '<')
            {
                inTag = true;
                pendingSpace = length > 0;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
            }
            else
            {
                length += pendingSpace ? 2 : 1;
                pendingSpace = false;
            }
        }

        return length;
    }
}
