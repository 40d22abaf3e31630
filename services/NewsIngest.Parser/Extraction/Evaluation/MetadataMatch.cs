using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Parser.Extraction.Evaluation;

/// <summary>
/// Compares extracted metadata with a dev set's gold values. Gold bylines are raw page text ("By Jane Doe
/// March 25, 2015"), so both sides lose a leading "By"/"Par"/"Written by", what follows a line break, date or comma,
/// and case and spacing before they are compared; only the first author is compared.
/// </summary>
public static partial class MetadataMatch
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", " @ "];

    /// <summary>Equal after case and spacing, strictly.</summary>
    public static bool TitleExact(string gold, string? ours) => ours is not null && Squash(gold) == Squash(ours);

    /// <summary>Equal, or the gold is our title with a site-name part kept before or after a separator ("Headline |
    /// Site"): the issue asks for titles without the site name, the gold (Readability's) sometimes keeps it.</summary>
    public static bool Title(string gold, string? ours)
    {
        if (ours is null)
        {
            return false;
        }

        var g = Squash(gold);
        var o = Squash(ours);
        return g == o || (o.Length > 0 && Separators.Any(s => g.StartsWith(o + s.TrimEnd(), StringComparison.Ordinal) || g.EndsWith(s.TrimStart() + o, StringComparison.Ordinal)));
    }

    public static bool Language(string gold, string? ours) =>
        ours is not null && string.Equals(gold.Trim().Replace('_', '-'), ours.Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool Byline(string gold, IReadOnlyList<string> ours) =>
        ours.Count > 0 && FirstName(gold) is { Length: > 0 } name && name == FirstName(ours[0]);

    /// <summary>A gold value with an offset is compared as an instant (to the minute); without one, as the wall-clock
    /// time written on the page; a bare date, as a date.</summary>
    public static bool Published(string gold, DateTimeOffset? ours)
    {
        if (ours is not { } value)
        {
            return false;
        }

        var g = gold.Trim();
        if (g.Length == 10 && DateOnly.TryParseExact(g, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return DateOnly.FromDateTime(value.DateTime) == day;
        }

        var hasOffset = g.EndsWith('Z') || OffsetSuffix().IsMatch(g);
        var fixedOffset = OffsetWithoutColon().Replace(g, "$1:$2");
        if (hasOffset && DateTimeOffset.TryParse(fixedOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return Math.Abs((instant - value).TotalMinutes) < 1;
        }

        return DateTime.TryParse(g, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) &&
               Math.Abs((local - value.DateTime).TotalMinutes) < 1;
    }

    private static string FirstName(string byline)
    {
        var s = LeadingBy().Replace(byline.Trim(), string.Empty);
        var cut = s.IndexOfAny(['\n', ',', '|']);
        if (cut >= 0)
        {
            s = s[..cut];
        }

        s = s.Split(" and ", StringSplitOptions.TrimEntries)[0];
        var date = DateStart().Match(s);
        if (date.Success)
        {
            s = s[..date.Index];
        }

        return Squash(s);
    }

    private static string Squash(string s) =>
        string.Join(' ', s.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\s*(by|par|von|por|written by)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"\s(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\s\d{1,4}[-/.]\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateStart();

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}
