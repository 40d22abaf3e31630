using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsIngest.IntegrationTests.Observability;

/// <summary>The PromQL queries of the provisioned Grafana dashboard, and the metric names each one reads.</summary>
public static partial class DashboardQueries
{
    public const string DashboardPath = "deploy/observability/grafana/dashboards/newsingest.json";

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan",
    };

    /// <summary>(panel title, expression) for every target of every panel.</summary>
    public static List<(string Panel, string Expression)> Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray()
                .Select(target => (panel.GetProperty("title").GetString()!, target.GetProperty("expr").GetString()!)))
            .ToList();
    }

    /// <summary>The metric names in a PromQL expression: identifiers that are not functions, keywords, labels or durations.</summary>
    public static List<string> MetricNames(string expression)
    {
        var stripped = Strings().Replace(expression, " ");
        stripped = Selectors().Replace(stripped, " ");
        stripped = Ranges().Replace(stripped, " ");
        stripped = Groupings().Replace(stripped, " ");
        return Identifiers().Matches(stripped)
            .Where(m => !Keywords.Contains(m.Value.ToLowerInvariant()) && !IsFunction(stripped, m))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsFunction(string expression, Match match)
    {
        var rest = expression.AsSpan(match.Index + match.Length).TrimStart();
        return rest.Length > 0 && rest[0] == '(';
    }

    [GeneratedRegex(@"""(\\.|[^""\\])*""")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Selectors();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Groupings();

    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifiers();
}
