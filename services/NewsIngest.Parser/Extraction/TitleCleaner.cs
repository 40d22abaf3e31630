namespace NewsIngest.Parser.Extraction;

/// <summary>Removes the site name that pages append to (or put before) their title.</summary>
internal static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " « ", " / ", " : "];

    /// <param name="title">The raw title.</param>
    /// <param name="siteNames">Names the site goes by (site name, host label); a part matching one is dropped.</param>
    /// <param name="heading">The page's main heading, preferred when it is one of the title's parts.</param>
    /// <param name="guess">Whether to drop a short trailing part even when it matches no known name.</param>
    public static string? Clean(string? title, IReadOnlyList<string> siteNames, string? heading, bool guess)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        foreach (var separator in Separators)
        {
            if (!title.Contains(separator, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = title.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (parts.Count < 2)
            {
                continue;
            }

            if (heading is not null && parts.Any(p => Same(p, heading)))
            {
                return heading;
            }

            var before = parts.Count;
            while (parts.Count > 1 && IsSiteName(parts[^1], siteNames))
            {
                parts.RemoveAt(parts.Count - 1);
            }

            while (parts.Count > 1 && IsSiteName(parts[0], siteNames))
            {
                parts.RemoveAt(0);
            }

            if (parts.Count < before)
            {
                return string.Join(separator, parts);
            }

            if (guess && separator is " | " or " - " or " – " or " — " or " · " or " :: " or " » " &&
                WordCount(parts[^1]) <= 4 && WordCount(string.Join(' ', parts.Take(parts.Count - 1))) >= 4)
            {
                return string.Join(separator, parts.Take(parts.Count - 1));
            }
        }

        return title;
    }

    private static bool IsSiteName(string part, IReadOnlyList<string> siteNames)
    {
        var p = Squash(part);
        if (p.Length == 0)
        {
            return false;
        }

        foreach (var name in siteNames)
        {
            var n = Squash(name);
            if (n.Length > 0 && (p == n || (p.Length >= 3 && n.Contains(p, StringComparison.Ordinal)) ||
                                 (n.Length >= 4 && p.Contains(n, StringComparison.Ordinal) && WordCount(part) <= 5)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(string a, string b) => Squash(a) == Squash(b) && Squash(a).Length > 0;

    private static string Squash(string s) =>
        string.Concat(s.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
