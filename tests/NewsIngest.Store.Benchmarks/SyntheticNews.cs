using System.Text;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// Generates synthetic articles from a made-up vocabulary of 30,000 words drawn with a Zipf-like skew
/// (a few words very common, as in real text, so common phrases recur across stories), plus numbers.
/// Deterministic for a given seed. Also makes near copies: truncated to the first half, or with a few
/// sentences rewritten and boilerplate around them.
/// </summary>
internal sealed class SyntheticNews
{
    /// <summary>The bulk loader's seed: replicas regenerate its first stories to make copies of them.</summary>
    public const int LoaderSeed = 2026;

    private const int VocabularySize = 30_000;
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "is", "ur", "pe", "qua", "ni", "bo", "tas", "el", "ro", "fi", "gan"];

    private readonly Random _random;
    private readonly string[] _words;
    private readonly double[] _cumulative;

    public SyntheticNews(int seed)
    {
        _random = new Random(seed);
        _words = new string[VocabularySize];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var wordRandom = new Random(7);
        for (var i = 0; i < VocabularySize; i++)
        {
            string word;
            do
            {
                var builder = new StringBuilder();
                var syllables = 1 + wordRandom.Next(4);
                for (var s = 0; s < syllables; s++)
                {
                    builder.Append(Syllables[wordRandom.Next(Syllables.Length)]);
                }

                word = builder.ToString();
            }
            while (!seen.Add(word));

            _words[i] = word;
        }

        _cumulative = new double[VocabularySize];
        var total = 0.0;
        for (var i = 0; i < VocabularySize; i++)
        {
            total += 1.0 / (i + 5);
            _cumulative[i] = total;
        }

        for (var i = 0; i < VocabularySize; i++)
        {
            _cumulative[i] /= total;
        }
    }

    /// <summary>An article of 6–9 paragraphs of 2–3 sentences of 8–18 words (about 300 words).</summary>
    public (string Title, List<string> Paragraphs) Article()
    {
        var title = Sentence(6);
        var paragraphs = new List<string>();
        var count = 6 + _random.Next(4);
        for (var p = 0; p < count; p++)
        {
            var sentences = 2 + _random.Next(2);
            var builder = new StringBuilder();
            for (var s = 0; s < sentences; s++)
            {
                builder.Append(Sentence(8 + _random.Next(11))).Append(' ');
            }

            paragraphs.Add(builder.ToString().TrimEnd());
        }

        return (title, paragraphs);
    }

    /// <summary>A copy of <paramref name="article"/>: the first half, or another headline with two
    /// sentences rewritten and a byline and copyright line added.</summary>
    public (string Title, List<string> Paragraphs) Copy((string Title, List<string> Paragraphs) article)
    {
        if (_random.Next(2) == 0)
        {
            return (article.Title, article.Paragraphs.Take((article.Paragraphs.Count + 1) / 2).ToList());
        }

        var paragraphs = new List<string>(article.Paragraphs);
        for (var edit = 0; edit < 2; edit++)
        {
            var p = 1 + _random.Next(paragraphs.Count - 1);
            paragraphs[p] = Sentence(12) + " " + paragraphs[p][(paragraphs[p].IndexOf('.', StringComparison.Ordinal) + 1)..].TrimStart();
        }

        paragraphs.Insert(0, "By Staff Reporter");
        paragraphs.Add("Copyright 2026 Synthetic Wire. All rights reserved.");
        return (Sentence(7), paragraphs);
    }

    private string Sentence(int words)
    {
        var builder = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
            {
                builder.Append(' ');
            }

            if (_random.Next(14) == 0)
            {
                builder.Append(_random.Next(1, 5000));
            }
            else
            {
                var word = Word();
                builder.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            }
        }

        return builder.Append('.').ToString();
    }

    private string Word()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _words[Math.Min(index < 0 ? ~index : index, VocabularySize - 1)];
    }
}
