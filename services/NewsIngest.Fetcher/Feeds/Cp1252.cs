namespace NewsIngest.Fetcher.Feeds;

/// <summary>Maps the C1 control range U+0080–U+009F to the characters windows-1252 puts there (mis-declared latin-1 text).</summary>
internal static class Cp1252
{
    private static readonly char[] Table =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    public static char Map(char c) => c is >= '\u0080' and <= '\u009F' ? Table[c - 0x80] : c;

    public static string Translate(string text)
    {
        var index = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F');
        if (index < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Map(source[i]);
            }
        });
    }
}
