using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Parses the dates feeds carry: W3C/ISO 8601 (extended, basic, ordinal, reduced precision, space for 'T'),
/// RFC 822/1123 (with or without day name, 2-digit years, obsolete zone names such as EST/PDT and military letters,
/// day and month swapped), asctime and "yyyy/mm/dd" forms. A date without a zone is taken as UTC.
/// Returns null for anything else rather than guessing.
/// </summary>
public static partial class FeedDateParser
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> ZoneHours = WithMilitaryZones(new(StringComparer.OrdinalIgnoreCase)
    {
        ["ut"] = 0,
        ["utc"] = 0,
        ["gmt"] = 0,
        ["z"] = 0,
        ["adt"] = -3,
        ["ast"] = -4,
        ["at"] = -4,
        ["edt"] = -4,
        ["est"] = -5,
        ["et"] = -5,
        ["cdt"] = -5,
        ["cst"] = -6,
        ["ct"] = -6,
        ["mdt"] = -6,
        ["mst"] = -7,
        ["mt"] = -7,
        ["pdt"] = -7,
        ["pst"] = -8,
        ["pt"] = -8,
        ["met"] = 1,
        ["mest"] = 2,
        ["cet"] = 1,
        ["cest"] = 2,
        ["bst"] = 1,
    });

    private static readonly HashSet<string> DayNames = new(StringComparer.OrdinalIgnoreCase) { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        return ParseIso(value) ?? ParseRfc822(value) ?? ParseAsctime(value) ?? ParseSlashed(value);
    }

    private static DateTimeOffset? ParseIso(string value)
    {
        var match = IsoPattern().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var year = Int(match.Groups["year"].Value);
        if (match.Groups["year"].Value.Length == 2)
        {
            year += year < 90 ? 2000 : 1900;
        }

        int month = 1, day = 1;
        if (match.Groups["ordinal"].Success)
        {
            var ordinal = Int(match.Groups["ordinal"].Value);
            if (ordinal < 1 || ordinal > (DateTime.IsLeapYear(year) ? 366 : 365))
            {
                return null;
            }

            var date = new DateTime(year, 1, 1).AddDays(ordinal - 1);
            (month, day) = (date.Month, date.Day);
        }
        else
        {
            if (match.Groups["month"].Success)
            {
                month = Int(match.Groups["month"].Value);
            }

            if (match.Groups["day"].Success)
            {
                day = Int(match.Groups["day"].Value);
            }
        }

        var hour = match.Groups["hour"].Success ? Int(match.Groups["hour"].Value) : 0;
        var minute = match.Groups["minute"].Success ? Int(match.Groups["minute"].Value) : 0;
        var second = match.Groups["second"].Success ? Int(match.Groups["second"].Value) : 0;
        var fraction = match.Groups["fraction"].Success ? Fraction(match.Groups["fraction"].Value) : 0;
        var offset = match.Groups["zone"].Success ? ZoneOffset(match.Groups["zone"].Value) : TimeSpan.Zero;
        return offset is null ? null : Build(year, month, day, hour, minute, second, offset.Value, fraction);
    }

    private static DateTimeOffset? ParseRfc822(string value)
    {
        var parts = value.Replace(',', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[0].Length >= 3 && DayNames.Contains(parts[0][..3]))
        {
            parts.RemoveAt(0);
        }

        if (parts.Count > 0 && parts[0].Count(c => c == '-') == 2 && char.IsAsciiLetter(parts[0].Split('-')[1].FirstOrDefault()))
        {
            var pieces = parts[0].Split('-');
            parts.RemoveAt(0);
            parts.InsertRange(0, pieces);
        }

        if (parts.Count < 3)
        {
            return null;
        }

        if (parts.Count < 4)
        {
            parts.Add("00:00:00");
        }

        if (parts.Count < 5)
        {
            parts.Add("+0000");
        }

        int day;
        var month = MonthOf(parts[1]);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out day))
        {
            month = MonthOf(parts[0]);
            if (month == 0 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out day))
            {
                return null;
            }
        }

        if (month == 0 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        if (parts[2].Length <= 2)
        {
            year += year < 90 ? 2000 : 1900;
        }

        var time = parts[3].Split(':');
        if (time.Length > 3 || !time.All(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var hour = Int(time[0]);
        var minute = time.Length > 1 ? Int(time[1]) : 0;
        var second = time.Length > 2 ? Int(time[2]) : 0;
        var offset = Rfc822Zone(parts[4]);
        return offset is null ? null : Build(year, month, day, hour, minute, second, offset.Value, 0);
    }

    private static DateTimeOffset? ParseAsctime(string value)
    {
        // "Sun Jan  4 16:29:06 PST 2004" or "Sun Jan 4 16:29:06 2004"
        var parts = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 5 or > 6 || !DayNames.Contains(parts[0][..Math.Min(3, parts[0].Length)]))
        {
            return null;
        }

        var zone = parts.Length == 6 ? parts[4] : "GMT";
        return ParseRfc822($"{parts[2]} {parts[1]} {parts[^1]} {parts[3]} {zone}");
    }

    private static DateTimeOffset? ParseSlashed(string value)
    {
        // "2006/09/15 08:19:53 EDT" (Perforce) or "Fri, 2006/09/15 08:19:53 EDT"
        var match = SlashedPattern().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var month = Int(match.Groups["month"].Value);
        var name = CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(Math.Clamp(month, 1, 12));
        var rest = match.Groups["rest"].Value.Trim();
        return ParseRfc822($"{match.Groups["day"].Value} {name} {match.Groups["year"].Value} {(rest.Length == 0 ? "00:00:00" : rest)}");
    }

    private static TimeSpan? Rfc822Zone(string zone)
    {
        var z = zone;
        if (z.StartsWith("etc/", StringComparison.OrdinalIgnoreCase))
        {
            z = z[4..];
        }

        if (z.StartsWith("gmt", StringComparison.OrdinalIgnoreCase) || z.StartsWith("utc", StringComparison.OrdinalIgnoreCase))
        {
            var rest = z[3..].Replace(":", "", StringComparison.Ordinal);
            z = rest.Length == 0 ? "gmt" : rest;
        }

        if (z[0] is '+' or '-')
        {
            var digits = z[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length is < 1 or > 4 || !digits.All(char.IsAsciiDigit))
            {
                return null;
            }

            var hours = digits.Length <= 2 ? Int(digits) : Int(digits[..^2]);
            var minutes = digits.Length <= 2 ? 0 : Int(digits[^2..]);
            var span = new TimeSpan(hours, minutes, 0);
            return z[0] == '-' ? -span : span;
        }

        return TimeSpan.FromHours(ZoneHours.GetValueOrDefault(z, 0));
    }

    private static TimeSpan? ZoneOffset(string zone)
    {
        zone = zone.Trim();
        if (zone is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        if (zone[0] is '+' or '-')
        {
            return Rfc822Zone(zone);
        }

        return ZoneHours.TryGetValue(zone, out var hours) ? TimeSpan.FromHours(hours) : TimeSpan.Zero;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset, double fraction)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day is < 1 or > 31
            || hour > 24 || minute > 59 || second > 60 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return null;
        }

        // "February 30" rolls over into March, as C's timegm does.
        var extra = TimeSpan.FromDays(Math.Max(0, day - DateTime.DaysInMonth(year, month)));
        day = Math.Min(day, DateTime.DaysInMonth(year, month));
        if (hour == 24)
        {
            hour = 0;
            extra += TimeSpan.FromDays(1);
        }

        if (second == 60)
        {
            second = 59;
            extra += TimeSpan.FromSeconds(1);
        }

        try
        {
            var local = new DateTimeOffset(year, month, day, hour, minute, second, offset) + extra + TimeSpan.FromSeconds(fraction);
            return local.ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>RFC 822 military zones: A–I and K–M are one to twelve hours behind UTC, N–Y one to twelve ahead.</summary>
    private static Dictionary<string, int> WithMilitaryZones(Dictionary<string, int> zones)
    {
        for (var c = 'a'; c <= 'y'; c++)
        {
            if (c != 'j')
            {
                zones[c.ToString()] = c < 'j' ? -(c - 'a' + 1) : c <= 'm' ? -(c - 'a') : c - 'n' + 1;
            }
        }

        return zones;
    }

    private static int MonthOf(string token) => token.Length >= 3 ? Months.GetValueOrDefault(token[..3]) : 0;

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static double Fraction(string digits) => double.Parse("0." + digits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4}|\d{2}(?=-))(?:-?(?:(?<ordinal>\d{3})(?!\d)|(?<month>\d{2})(?:-?(?<day>\d{2}))?))?(?:(?:[Tt]|\s+)(?<hour>\d{2})(?::?(?<minute>\d{2})(?::?(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?)?)?\s*(?<zone>[Zz]|[+-]\d{2}(?::?\d{2})?|(?<=\d)\s*[A-Za-z]{2,5})?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{3},?\s+)?(?<year>\d{4})/(?<month>\d{1,2})/(?<day>\d{1,2})(?<rest>.*)$")]
    private static partial Regex SlashedPattern();
}
