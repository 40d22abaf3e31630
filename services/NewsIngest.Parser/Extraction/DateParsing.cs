using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Parser.Extraction;

/// <summary>Parses the date shapes found in article metadata and in article URLs.</summary>
internal static partial class DateParsing
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz", "ddd, dd MMM yyyy HH:mm:ss zzz",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "MMMM d, yyyy", "MMM d, yyyy",
        "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy h:mm tt", "MMM. d, yyyy",
    ];

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        if (s.Length > 64)
        {
            return null;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, styles, out var exact))
        {
            return Plausible(exact);
        }

        // "+0000" offsets without a colon, and other ISO variants the exact list misses.
        var fixedOffset = OffsetWithoutColon().Replace(s, "$1:$2");
        if (DateTimeOffset.TryParse(fixedOffset, CultureInfo.InvariantCulture, styles, out var loose))
        {
            return Plausible(loose);
        }

        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && s.Length is 10 or 13)
        {
            return Plausible(s.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch));
        }

        return null;
    }

    /// <summary>A date written into the article's URL path, like <c>/2019/11/19/</c>, <c>/2019-11-19-</c> or <c>/20191119/</c>.</summary>
    public static DateTimeOffset? FromUrl(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return null;
        }

        var m = UrlDate().Match(url.AbsolutePath);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var monthText = m.Groups["m"].Value;
        var month = char.IsAsciiDigit(monthText[0])
            ? int.Parse(monthText, CultureInfo.InvariantCulture)
            : Array.IndexOf(MonthNames, monthText.ToLowerInvariant()) + 1;
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return Plausible(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
    }

    private static DateTimeOffset? Plausible(DateTimeOffset value) =>
        value.Year is >= 1990 and <= 2100 ? value : null;

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();

    [GeneratedRegex(@"(?:^|/)(?<y>(?:19|20)\d{2})(?:[/-](?<m>[01]?\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-](?<d>[0-3]?\d)(?=[/-]|$)|(?<m>[01]\d)(?<d>[0-3]\d)(?=/))", RegexOptions.IgnoreCase)]
    private static partial Regex UrlDate();
}
