namespace NewsIngest.Fetcher.Articles;

/// <summary>
/// The rules of one robots.txt that apply to one user-agent token: the groups naming the token (case-insensitive),
/// else the <c>*</c> groups, else none. A path is allowed unless the longest matching rule is a Disallow (an Allow
/// wins a tie); patterns match from the start of the path, <c>*</c> matches any run and a final <c>$</c> anchors the end.
/// </summary>
public sealed class RobotsRules
{
    private readonly IReadOnlyList<Rule> _rules;

    private RobotsRules(IReadOnlyList<Rule> rules) => _rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    public static RobotsRules DisallowAll { get; } = new([new Rule("/", false)]);

    public static RobotsRules Parse(string text, string userAgentToken)
    {
        var specific = new List<Rule>();
        var general = new List<Rule>();
        var agents = new List<string>();
        var inRules = false;
        var namesUs = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (field.Equals("user-agent", StringComparison.OrdinalIgnoreCase))
            {
                if (inRules)
                {
                    agents.Clear();
                    inRules = false;
                }

                agents.Add(value);
                namesUs |= Names(value, userAgentToken);
                continue;
            }

            var allow = field.Equals("allow", StringComparison.OrdinalIgnoreCase);
            if (!allow && !field.Equals("disallow", StringComparison.OrdinalIgnoreCase))
            {
                continue; // Sitemap, Crawl-delay and the like
            }

            inRules = true;
            if (value.Length == 0)
            {
                continue; // an empty Disallow allows everything; an empty Allow says nothing
            }

            var rule = new Rule(value, allow);
            if (agents.Exists(agent => Names(agent, userAgentToken)))
            {
                specific.Add(rule);
            }
            else if (agents.Contains("*"))
            {
                general.Add(rule);
            }
        }

        return new RobotsRules(namesUs ? specific : general);
    }

    /// <summary>Whether the path (with its query) may be fetched; <c>/robots.txt</c> itself always may.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }

        Rule? best = null;
        foreach (var rule in _rules)
        {
            if (Matches(rule.Pattern, pathAndQuery)
                && (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>A group names us when its product token (before any <c>/</c>) is ours.</summary>
    private static bool Names(string agent, string userAgentToken) =>
        agent.Split('/', 2)[0].Trim().Equals(userAgentToken, StringComparison.OrdinalIgnoreCase);

    /// <summary>Wildcard match of the whole pattern against a prefix of the path (all of it when the pattern ends in <c>$</c>).</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern + "*";
        int p = 0, s = 0, star = -1, resume = 0;
        while (s < path.Length)
        {
            if (p < body.Length && body[p] != '*' && body[p] == path[s])
            {
                p++;
                s++;
            }
            else if (p < body.Length && body[p] == '*')
            {
                star = p++;
                resume = s;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < body.Length && body[p] == '*')
        {
            p++;
        }

        return p == body.Length;
    }

    private sealed record Rule(string Pattern, bool Allow);
}
