using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Dates named in the text as ISO 8601: full dates (<c>2018-07-13</c>), months (<c>2018-07</c>) or years
/// (<c>2015</c>); a weekday ("on Monday") becomes a date when the article's publication date is known.
/// English, French, German, Spanish, Italian and Portuguese month and weekday names.
/// </summary>
public sealed partial class DateStep : IEnrichmentStep
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
        ["lundi"] = DayOfWeek.Monday,
        ["mardi"] = DayOfWeek.Tuesday,
        ["mercredi"] = DayOfWeek.Wednesday,
        ["jeudi"] = DayOfWeek.Thursday,
        ["vendredi"] = DayOfWeek.Friday,
        ["samedi"] = DayOfWeek.Saturday,
        ["dimanche"] = DayOfWeek.Sunday,
        ["montag"] = DayOfWeek.Monday,
        ["dienstag"] = DayOfWeek.Tuesday,
        ["mittwoch"] = DayOfWeek.Wednesday,
        ["donnerstag"] = DayOfWeek.Thursday,
        ["freitag"] = DayOfWeek.Friday,
        ["samstag"] = DayOfWeek.Saturday,
        ["sonntag"] = DayOfWeek.Sunday,
        ["lunes"] = DayOfWeek.Monday,
        ["martes"] = DayOfWeek.Tuesday,
        ["miércoles"] = DayOfWeek.Wednesday,
        ["jueves"] = DayOfWeek.Thursday,
        ["viernes"] = DayOfWeek.Friday,
        ["sábado"] = DayOfWeek.Saturday,
        ["domingo"] = DayOfWeek.Sunday,
        ["lunedì"] = DayOfWeek.Monday,
        ["martedì"] = DayOfWeek.Tuesday,
        ["mercoledì"] = DayOfWeek.Wednesday,
        ["giovedì"] = DayOfWeek.Thursday,
        ["venerdì"] = DayOfWeek.Friday,
        ["sabato"] = DayOfWeek.Saturday,
        ["domenica"] = DayOfWeek.Sunday,
        ["segunda-feira"] = DayOfWeek.Monday,
        ["terça-feira"] = DayOfWeek.Tuesday,
        ["quarta-feira"] = DayOfWeek.Wednesday,
        ["quinta-feira"] = DayOfWeek.Thursday,
        ["sexta-feira"] = DayOfWeek.Friday,
    };

    public string Name => "Dates";

    public void Apply(EnrichmentContext context)
    {
        var found = new List<(int Position, string Iso)>();
        var text = context.Text.Body;
        var taken = new List<(int Start, int End)>();
        Collect(DayMonthYear(), text, taken, found, m => FullDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        Collect(MonthDayYear(), text, taken, found, m => FullDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        Collect(IsoDate(), text, taken, found, m => FullDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, numericMonth: true));
        Collect(MonthYear(), text, taken, found, m => MonthOnly(m.Groups["y"].Value, m.Groups["m"].Value));
        Collect(YearOnly(), text, taken, found, m => m.Groups["y"].Value);
        if (context.Article.Published is { } published)
        {
            Collect(Weekday(), text, taken, found, m => Resolve(published, m.Groups["w"].Value));
        }

        context.Dates = found
            .OrderBy(f => f.Position)
            .Select(f => f.Iso)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static void Collect(Regex pattern, string text, List<(int Start, int End)> taken, List<(int, string)> found, Func<Match, string?> toIso)
    {
        foreach (Match m in pattern.Matches(text))
        {
            var end = m.Index + m.Length;
            if (taken.Exists(t => m.Index < t.End && end > t.Start) || toIso(m) is not { } iso)
            {
                continue;
            }

            taken.Add((m.Index, end));
            found.Add((m.Index, iso));
        }
    }

    private static string? FullDate(string year, string month, string day, bool numericMonth = false)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var mo = numericMonth ? int.Parse(month, CultureInfo.InvariantCulture) : Months.GetValueOrDefault(month.TrimEnd('.'));
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return null;
        }

        return new DateOnly(y, mo, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string? MonthOnly(string year, string month) =>
        Months.TryGetValue(month.TrimEnd('.'), out var mo) ? $"{year}-{mo:00}" : null;

    private static string Resolve(DateTimeOffset published, string weekday)
    {
        var date = DateOnly.FromDateTime(published.UtcDateTime);
        var target = Weekdays[weekday];
        var back = ((int)date.DayOfWeek - (int)target + 7) % 7;
        return date.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "janvier", "januar", "enero", "gennaio", "janeiro", "jan"],
            ["february", "février", "februar", "febrero", "febbraio", "fevereiro", "feb"],
            ["march", "mars", "märz", "marzo", "março", "mar"],
            ["april", "avril", "abril", "aprile", "apr"],
            ["may", "mai", "mayo", "maggio", "maio"],
            ["june", "juin", "juni", "junio", "giugno", "junho", "jun"],
            ["july", "juillet", "juli", "julio", "luglio", "julho", "jul"],
            ["august", "août", "agosto", "aug"],
            ["september", "septembre", "septiembre", "settembre", "setembro", "sep", "sept"],
            ["october", "octobre", "oktober", "octubre", "ottobre", "outubro", "oct"],
            ["november", "novembre", "noviembre", "novembro", "nov"],
            ["december", "décembre", "dezember", "diciembre", "dicembre", "dezembro", "dec"],
        ];
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months[name] = i + 1;
            }
        }

        return months;
    }

    private const string MonthName =
        @"(?<m>(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
        + @"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
        + @"|januar|februar|märz|juni|juli|oktober|dezember"
        + @"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
        + @"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
        + @"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\b\.?)";

    // 13 July 2018, 13. Juli 2018, 13 de julio de 2018, 1er janvier 2020
    [GeneratedRegex(@"\b(?<d>[0-3]?\d)(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+)?" + MonthName + @"\s+(?:de\s+|del\s+)?(?<y>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    // July 13, 2018
    [GeneratedRegex(@"\b" + MonthName + @"\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d{2})-(?<m>[01]\d)-(?<d>[0-3]\d)\b")]
    private static partial Regex IsoDate();

    // July 2018, juillet 2018, julio de 2018
    [GeneratedRegex(@"\b" + MonthName + @"\s+(?:de\s+|del\s+)?(?<y>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();

    // A year that is not a quantity ("2015", not "2015 people")
    [GeneratedRegex(@"(?<![\d.,$€£])\b(?<y>(?:19|20)\d{2})\b(?![.,]\d|\s*(?:%|people|persons|personnes|Menschen|personas|persone|pessoas|troops|soldiers|euros?|dollars?|km|kilomet|metres|meters))", RegexOptions.IgnoreCase)]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"\b(?<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();
}
