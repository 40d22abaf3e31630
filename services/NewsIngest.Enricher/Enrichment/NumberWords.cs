using System.Globalization;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Reads counts written in digits ("1,200") or English words ("four", "twenty-five", "a dozen").</summary>
public static partial class NumberWords
{
    public const string Pattern =
        @"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,.])|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?|(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|and)(?:[\s-]+|(?=\W)|$))+)";

    private static readonly Dictionary<string, long> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    };

    /// <summary>The value of a count, or null when the words are not one ("a", "and" alone).</summary>
    public static long? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (char.IsDigit(trimmed[0]))
        {
            // "5 500" (French and other languages group thousands with a space).
            if (SpacedThousands().IsMatch(trimmed))
            {
                trimmed = string.Concat(trimmed.Where(char.IsDigit));
            }

            var parts = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!double.TryParse(parts[0].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            var scale = parts.Length > 1 ? (parts[1].Equals("million", StringComparison.OrdinalIgnoreCase) ? 1_000_000 : 1_000) : 1;
            return (long)Math.Round(value * scale);
        }

        long total = 0, current = 0;
        var any = false;
        foreach (var word in trimmed.Split((char[])[' ', '-', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word.ToLowerInvariant())
            {
                case "and":
                    break;
                case "dozen":
                    current = Math.Max(current, 1) * 12;
                    any = true;
                    break;
                case "hundred":
                    current = Math.Max(current, 1) * 100;
                    any = true;
                    break;
                case "thousand":
                case "million":
                    total += Math.Max(current, 1) * (word.Equals("thousand", StringComparison.OrdinalIgnoreCase) ? 1_000 : 1_000_000);
                    current = 0;
                    any = true;
                    break;
                default:
                    if (Units.TryGetValue(word, out var unit))
                    {
                        current += unit;
                        any |= !word.Equals("a", StringComparison.OrdinalIgnoreCase);
                    }

                    break;
            }
        }

        return any ? total + current : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(?:[\u00a0\u202f ]\d{3})+$")]
    private static partial System.Text.RegularExpressions.Regex SpacedThousands();
}
