using System.Collections.Frozen;
using System.Globalization;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Reads counts written in digits ("1,200") or words: English ("four", "twenty-five", "a dozen") and, through
/// <see cref="ForeignPattern"/>, Spanish, French, German, Italian and Portuguese ("treinta y dos", "quatre-vingts",
/// "dreiundzwanzig", "duecento", "três mil").
/// </summary>
public static partial class NumberWords
{
    public const string Pattern =
        @"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,.])|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?|(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|and)(?:[\s-]+|(?=\W)|$))+)";

    /// <summary>The languages whose number words <see cref="ForeignPattern"/> reads (ISO 639-1, as the language step names them).</summary>
    public static readonly FrozenSet<string> ForeignLanguages = FrozenSet.Create(StringComparer.Ordinal, "es", "fr", "de", "it", "pt");

    /// <summary>
    /// Counts in digits, English words or the number words of the other languages the enricher reads. Kept apart from
    /// <see cref="Pattern"/> so that an English sentence never reads "once", "six" or "sei" of another language.
    /// </summary>
    public const string ForeignPattern =
        @"(?:\d{1,3}(?:[.,]\d{3})+|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,.])|\d+(?:[.,]\d+)?(?:\s+(?:millones|millón|millions?|milioni|milione|milhões|milhão|Millionen|Million|mil|mille|mila|Tausend))?|(?:(?:"
        + ForeignWords + @")(?:[\s-]+|(?=\W)|$))+)";

    private const string ForeignWords =
        "un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciséis|diecisiete|dieciocho|diecinueve|veinte|veinti(?:uno|ún|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscientos|doscientas|trescientos|trescientas|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos|novecientos|mil|millones|millón|y"
        + "|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|vingts|trente|quarante|cinquante|soixante|cent|cents|mille|millions?|et"
        + "|ein|eine|einen|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|Millionen|Million|und"
        + "|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti|trenta|quaranta|sessanta|settanta|ottanta|novanta|cento|duecento|trecento|mila|milioni|milione"
        + "|um|uma|dois|duas|três|quatro|sete|oito|dez|catorze|sessenta|doze|treze|quatorze|dezesseis|dezasseis|dezessete|dezassete|dezoito|dezenove|dezanove|vinte|trinta|quarenta|cinquenta|oitenta|cem|duzentos|duzentas|trezentos|quinhentos|milhões|milhão|e"
        + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|and";

    /// <summary>Words that are a count only beside a number word ("un" is also an article; "y", "et", "e", "und" join).</summary>
    private static readonly HashSet<string> Weak = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "un", "una", "uno", "une", "ein", "eine", "einen", "einem", "um", "uma",
    };

    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase) { "and", "y", "et", "e", "und" };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100,
        ["cien"] = 100,
        ["ciento"] = 100,
        ["cent"] = 100,
        ["cents"] = 100,
        ["hundert"] = 100,
        ["cento"] = 100,
        ["cem"] = 100,
        ["thousand"] = 1_000,
        ["mil"] = 1_000,
        ["mille"] = 1_000,
        ["mila"] = 1_000,
        ["tausend"] = 1_000,
        ["million"] = 1_000_000,
        ["millions"] = 1_000_000,
        ["millones"] = 1_000_000,
        ["millón"] = 1_000_000,
        ["millionen"] = 1_000_000,
        ["milioni"] = 1_000_000,
        ["milione"] = 1_000_000,
        ["milhões"] = 1_000_000,
        ["milhão"] = 1_000_000,
    };

    private static readonly Dictionary<string, long> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["un"] = 1,
        ["una"] = 1,
        ["uno"] = 1,
        ["une"] = 1,
        ["ein"] = 1,
        ["eine"] = 1,
        ["einen"] = 1,
        ["einem"] = 1,
        ["eins"] = 1,
        ["um"] = 1,
        ["uma"] = 1,
        ["dos"] = 2,
        ["deux"] = 2,
        ["zwei"] = 2,
        ["due"] = 2,
        ["dois"] = 2,
        ["duas"] = 2,
        ["tres"] = 3,
        ["trois"] = 3,
        ["drei"] = 3,
        ["tre"] = 3,
        ["três"] = 3,
        ["cuatro"] = 4,
        ["quatre"] = 4,
        ["vier"] = 4,
        ["quattro"] = 4,
        ["quatro"] = 4,
        ["cinco"] = 5,
        ["cinq"] = 5,
        ["fünf"] = 5,
        ["cinque"] = 5,
        ["seis"] = 6,
        ["sechs"] = 6,
        ["sei"] = 6,
        ["siete"] = 7,
        ["sept"] = 7,
        ["sieben"] = 7,
        ["sette"] = 7,
        ["sete"] = 7,
        ["ocho"] = 8,
        ["huit"] = 8,
        ["acht"] = 8,
        ["otto"] = 8,
        ["oito"] = 8,
        ["nueve"] = 9,
        ["neuf"] = 9,
        ["neun"] = 9,
        ["nove"] = 9,
        ["diez"] = 10,
        ["dix"] = 10,
        ["zehn"] = 10,
        ["dieci"] = 10,
        ["dez"] = 10,
        ["once"] = 11,
        ["onze"] = 11,
        ["elf"] = 11,
        ["undici"] = 11,
        ["doce"] = 12,
        ["douze"] = 12,
        ["zwölf"] = 12,
        ["dodici"] = 12,
        ["doze"] = 12,
        ["trece"] = 13,
        ["treize"] = 13,
        ["dreizehn"] = 13,
        ["tredici"] = 13,
        ["treze"] = 13,
        ["catorce"] = 14,
        ["quatorze"] = 14,
        ["vierzehn"] = 14,
        ["quattordici"] = 14,
        ["catorze"] = 14,
        ["quince"] = 15,
        ["quinze"] = 15,
        ["fünfzehn"] = 15,
        ["quindici"] = 15,
        ["dieciséis"] = 16,
        ["seize"] = 16,
        ["sechzehn"] = 16,
        ["sedici"] = 16,
        ["dezesseis"] = 16,
        ["dezasseis"] = 16,
        ["diecisiete"] = 17,
        ["siebzehn"] = 17,
        ["diciassette"] = 17,
        ["dezessete"] = 17,
        ["dezassete"] = 17,
        ["dieciocho"] = 18,
        ["achtzehn"] = 18,
        ["diciotto"] = 18,
        ["dezoito"] = 18,
        ["diecinueve"] = 19,
        ["neunzehn"] = 19,
        ["diciannove"] = 19,
        ["dezenove"] = 19,
        ["dezanove"] = 19,
        ["veinte"] = 20,
        ["vingt"] = 20,
        ["vingts"] = 20,
        ["zwanzig"] = 20,
        ["venti"] = 20,
        ["vinte"] = 20,
        ["treinta"] = 30,
        ["trente"] = 30,
        ["dreißig"] = 30,
        ["trenta"] = 30,
        ["trinta"] = 30,
        ["cuarenta"] = 40,
        ["quarante"] = 40,
        ["vierzig"] = 40,
        ["quaranta"] = 40,
        ["quarenta"] = 40,
        ["cincuenta"] = 50,
        ["cinquante"] = 50,
        ["fünfzig"] = 50,
        ["cinquanta"] = 50,
        ["cinquenta"] = 50,
        ["sesenta"] = 60,
        ["soixante"] = 60,
        ["sechzig"] = 60,
        ["sessanta"] = 60,
        ["sessenta"] = 60,
        ["setenta"] = 70,
        ["siebzig"] = 70,
        ["settanta"] = 70,
        ["ochenta"] = 80,
        ["achtzig"] = 80,
        ["ottanta"] = 80,
        ["oitenta"] = 80,
        ["noventa"] = 90,
        ["neunzig"] = 90,
        ["novanta"] = 90,
        ["doscientos"] = 200,
        ["doscientas"] = 200,
        ["duecento"] = 200,
        ["duzentos"] = 200,
        ["duzentas"] = 200,
        ["trescientos"] = 300,
        ["trescientas"] = 300,
        ["trecento"] = 300,
        ["trezentos"] = 300,
        ["cuatrocientos"] = 400,
        ["quinientos"] = 500,
        ["quinhentos"] = 500,
        ["seiscientos"] = 600,
        ["setecientos"] = 700,
        ["ochocientos"] = 800,
        ["novecientos"] = 900,

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

            // "1.200" (Spanish, German, Italian and Portuguese group thousands with a dot).
            if (DottedThousands().IsMatch(trimmed))
            {
                trimmed = trimmed.Replace(".", string.Empty, StringComparison.Ordinal);
            }

            var parts = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!double.TryParse(parts[0].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            var scale = parts.Length > 1 && Scales.TryGetValue(parts[1], out var named) ? named : 1;
            return (long)Math.Round(value * scale);
        }

        long total = 0, current = 0;
        var any = false;
        foreach (var raw in trimmed.Split((char[])[' ', '-', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var word in Compound(raw.ToLowerInvariant()))
            {
                if (Joiners.Contains(word))
                {
                    continue;
                }

                if (word == "dozen")
                {
                    current = Math.Max(current, 1) * 12;
                    any = true;
                }
                else if (Scales.TryGetValue(word, out var scale) && scale == 100)
                {
                    current = Math.Max(current, 1) * 100;
                    any = true;
                }
                else if (Scales.TryGetValue(word, out scale))
                {
                    total += Math.Max(current, 1) * scale;
                    current = 0;
                    any = true;
                }
                else if (word is "vingt" or "vingts" && current is >= 2 and <= 4)
                {
                    // "quatre-vingts" is four twenties.
                    current *= 20;
                    any = true;
                }
                else if (Units.TryGetValue(word, out var unit) || TryVeinti(word, out unit))
                {
                    current += unit;
                    any |= !Weak.Contains(word);
                }
            }
        }

        return any ? total + current : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+(?:\s|$)")]
    private static partial System.Text.RegularExpressions.Regex DottedThousands();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(?:[\u00a0\u202f ]\d{3})+$")]
    private static partial System.Text.RegularExpressions.Regex SpacedThousands();

    /// <summary>German writes units before tens in one word ("dreiundzwanzig" = drei + zwanzig).</summary>
    private static IEnumerable<string> Compound(string word)
    {
        var und = word.IndexOf("und", StringComparison.Ordinal);
        if (und > 0 && word.EndsWith("zig", StringComparison.Ordinal) && Units.ContainsKey(word[..und]) && Units.ContainsKey(word[(und + 3)..]))
        {
            return [word[..und], word[(und + 3)..]];
        }

        return [word];
    }

    /// <summary>Spanish writes 21 to 29 in one word: "veintidós", "veinticinco".</summary>
    private static bool TryVeinti(string word, out long value)
    {
        value = 0;
        if (!word.StartsWith("veinti", StringComparison.Ordinal))
        {
            return false;
        }

        var unit = word[6..] switch
        {
            "dós" => "dos",
            "trés" => "tres",
            "séis" => "seis",
            "ún" => "un",
            var rest => rest,
        };
        if (Units.TryGetValue(unit, out var u) && u < 10)
        {
            value = 20 + u;
            return true;
        }

        return false;
    }
}
