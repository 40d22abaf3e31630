using System.IO.Compression;
using System.Text.Json;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Tells the language of a text (ISO 639-1) among <see cref="NewsLanguages"/>: by script where a script has one
/// language of ours (Greek, Hebrew, Thai, Hangul, kana, Han, Devanagari, Bengali), otherwise by the summed
/// log-probabilities of the text's letter trigrams under each language of that script. The trigram probabilities
/// are Lingua's published models (the files its package ships, <c>Lingua/LanguageModels/CODE/trigrams.json.br</c>),
/// held in one dense table per script: about 9 MB for all our languages, where Lingua's own detector kept 45 MB of
/// heap (125 MB resident) and spent a task and a string per trigram on every call.
/// </summary>
public sealed class TrigramLanguageDetector
{
    /// <summary>The log-probability of a trigram a language's model does not hold.</summary>
    public const float UnseenLogProbability = -13.0f;

    /// <summary>Kana among the Han/kana letters at least this share: Japanese (Chinese writes none).</summary>
    public const double KanaShare = 0.05;

    private readonly Dictionary<Script, ScriptModel> _models;
    private readonly Dictionary<Script, string> _singleLanguage;

    private TrigramLanguageDetector(Dictionary<Script, ScriptModel> models, Dictionary<Script, string> singleLanguage)
    {
        _models = models;
        _singleLanguage = singleLanguage;
    }

    /// <summary>The languages this detector can give, ISO 639-1.</summary>
    public IEnumerable<string> Languages => _models.Values.SelectMany(m => m.Codes).Concat(_singleLanguage.Values);

    public static TrigramLanguageDetector Load(string? modelsDirectory = null)
    {
        var directory = modelsDirectory ?? Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels");
        var models = new Dictionary<Script, ScriptModel>();
        var single = new Dictionary<Script, string>();
        foreach (var group in NewsLanguages.All.GroupBy(l => l.Script))
        {
            var codes = group.Select(l => l.Code).ToArray();
            if (codes.Length == 1 && group.Key != Script.Latin)
            {
                single[group.Key] = codes[0];
                continue;
            }

            models[group.Key] = ScriptModel.Load(directory, codes);
        }

        return new TrigramLanguageDetector(models, single);
    }

    /// <summary>
    /// The most likely language with a confidence in [0, 1] (its share of the likelihood over the candidates), or
    /// null when the text has no letters of a script we know.
    /// </summary>
    public (string Code, double Confidence)? Detect(ReadOnlySpan<char> text)
    {
        Span<int> scripts = stackalloc int[ScriptCount];
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                scripts[(int)ScriptOf(c)]++;
            }
        }

        var cjk = scripts[(int)Script.Han] + scripts[(int)Script.Kana];
        if (cjk > 0 && cjk >= Max(scripts, exceptCjk: true))
        {
            return scripts[(int)Script.Kana] >= cjk * KanaShare ? ("ja", 1.0) : ("zh", 1.0);
        }

        var script = Script.Latin;
        for (var s = 1; s < ScriptCount; s++)
        {
            if ((Script)s is not (Script.Other or Script.Han or Script.Kana) && scripts[s] > scripts[(int)script])
            {
                script = (Script)s;
            }
        }

        if (scripts[(int)script] == 0)
        {
            return null;
        }

        if (_singleLanguage.TryGetValue(script, out var only))
        {
            return (only, 1.0);
        }

        return _models.TryGetValue(script, out var model) ? model.Score(text) : null;
    }

    private static int Max(Span<int> scripts, bool exceptCjk)
    {
        var max = 0;
        for (var s = 0; s < scripts.Length; s++)
        {
            if (!(exceptCjk && (Script)s is Script.Han or Script.Kana or Script.Other))
            {
                max = Math.Max(max, scripts[s]);
            }
        }

        return max;
    }

    private const int ScriptCount = (int)Script.Han + 1;

    public static Script ScriptOf(char c) => c switch
    {
        <= '\u024f' or (>= '\u1e00' and <= '\u1eff') => Script.Latin,
        >= '\u0370' and <= '\u03ff' or (>= '\u1f00' and <= '\u1fff') => Script.Greek,
        >= '\u0400' and <= '\u052f' => Script.Cyrillic,
        >= '\u0590' and <= '\u05ff' => Script.Hebrew,
        >= '\u0600' and <= '\u06ff' or (>= '\u0750' and <= '\u077f') or (>= '\ufb50' and <= '\ufdff') or (>= '\ufe70' and <= '\ufeff') => Script.Arabic,
        >= '\u0900' and <= '\u097f' => Script.Devanagari,
        >= '\u0980' and <= '\u09ff' => Script.Bengali,
        >= '\u0e00' and <= '\u0e7f' => Script.Thai,
        >= '\uac00' and <= '\ud7af' or (>= '\u1100' and <= '\u11ff') or (>= '\u3130' and <= '\u318f') => Script.Hangul,
        >= '\u3040' and <= '\u30ff' => Script.Kana,
        >= '\u4e00' and <= '\u9fff' or (>= '\u3400' and <= '\u4dbf') => Script.Han,
        _ => Script.Other,
    };

    /// <summary>The trigram log-probabilities of the languages of one script, one row of floats per trigram.</summary>
    private sealed class ScriptModel
    {
        private readonly Dictionary<ulong, int> _rows;
        private readonly float[] _table;

        private ScriptModel(string[] codes, Dictionary<ulong, int> rows, float[] table)
        {
            Codes = codes;
            _rows = rows;
            _table = table;
        }

        public string[] Codes { get; }

        public static ScriptModel Load(string directory, string[] codes)
        {
            var rows = new Dictionary<ulong, int>();
            var cells = new List<(int Row, int Language, float LogProbability)>();
            for (var l = 0; l < codes.Length; l++)
            {
                var language = l;
                ReadModel(Path.Combine(directory, codes[l], "trigrams.json.br"), (key, logProbability) =>
                {
                    if (!rows.TryGetValue(key, out var row))
                    {
                        row = rows.Count;
                        rows[key] = row;
                    }

                    cells.Add((row, language, logProbability));
                });
            }

            var table = new float[rows.Count * codes.Length];
            Array.Fill(table, UnseenLogProbability);
            foreach (var (row, language, logProbability) in cells)
            {
                table[(row * codes.Length) + language] = logProbability;
            }

            rows.TrimExcess();
            return new ScriptModel(codes, rows, table);
        }

        public (string Code, double Confidence)? Score(ReadOnlySpan<char> text)
        {
            Span<double> sums = stackalloc double[Codes.Length];
            var trigrams = 0;
            char a = '\0', b = '\0';
            var run = 0;
            foreach (var raw in text)
            {
                if (!char.IsLetter(raw))
                {
                    run = 0;
                    continue;
                }

                var c = char.ToLowerInvariant(raw);
                if (++run >= 3 && _rows.TryGetValue(Key(a, b, c), out var row))
                {
                    var cells = _table.AsSpan(row * Codes.Length, Codes.Length);
                    for (var l = 0; l < cells.Length; l++)
                    {
                        sums[l] += cells[l];
                    }

                    trigrams++;
                }

                a = b;
                b = c;
            }

            if (trigrams == 0)
            {
                return null;
            }

            var best = 0;
            for (var l = 1; l < sums.Length; l++)
            {
                if (sums[l] > sums[best])
                {
                    best = l;
                }
            }

            // The best language's share of the summed likelihoods (exp of log-sums relative to the best).
            var total = 0.0;
            for (var l = 0; l < sums.Length; l++)
            {
                total += Math.Exp(sums[l] - sums[best]);
            }

            return (Codes[best], 1.0 / total);
        }

        private static ulong Key(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;

        /// <summary>Lingua's model file: <c>{"ngrams": {"COUNT/TOTAL": "abc abd …"}}</c>, brotli-compressed JSON.</summary>
        private static void ReadModel(string path, Action<ulong, float> trigram)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Language model '{path}' is missing: the SearchPioneer.Lingua package's content files are copied beside the enricher.", path);
            }

            using var brotli = new BrotliStream(File.OpenRead(path), CompressionMode.Decompress);
            using var document = JsonDocument.Parse(brotli);
            foreach (var entry in document.RootElement.GetProperty("ngrams").EnumerateObject())
            {
                var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
                var probability = double.Parse(entry.Name.AsSpan(0, slash), System.Globalization.CultureInfo.InvariantCulture)
                    / double.Parse(entry.Name.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture);
                var logProbability = (float)Math.Log(probability);
                var trigrams = (entry.Value.GetString() ?? string.Empty).AsSpan();
                foreach (var range in trigrams.Split(' '))
                {
                    if (trigrams[range] is [var a, var b, var c])
                    {
                        trigram(Key(a, b, c), logProbability);
                    }
                }
            }
        }
    }
}
