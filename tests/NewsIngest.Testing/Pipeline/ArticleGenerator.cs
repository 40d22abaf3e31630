using System.Globalization;
using System.Text;

namespace NewsIngest.Testing.Pipeline;

/// <summary>
/// Writes a run of distinct English news articles from a seed: sentences assembled from word lists, an invented
/// town and people per article, and numbers, so no two stories share enough three-word shingles to look alike to
/// the store's near-duplicate detection. Same seed, same articles. Optionally a share are long (~800 words instead
/// of ~250), a share are near-duplicates of an earlier one (two sentences re-worded) and a share put their text on
/// a linked page instead of in the feed.
/// </summary>
public sealed class ArticleGenerator(int seed)
{
    private static readonly string[] Roles = ["mayor", "harbour master", "head teacher", "county engineer", "fire chief", "museum director", "union steward", "ward nurse", "park ranger", "bus driver", "council treasurer", "police inspector", "librarian", "farm manager", "festival organiser", "shop owner", "bridge inspector", "water board chair", "tram conductor", "youth coach"];
    private static readonly string[] Groups = ["residents", "parents", "commuters", "traders", "fishermen", "students", "pensioners", "volunteers", "cyclists", "tenants", "nurses", "farmers", "engineers", "shoppers", "campers"];
    private static readonly string[] Verbs = ["approved", "rejected", "inspected", "delayed", "opened", "repaired", "measured", "questioned", "funded", "extended", "closed", "redesigned", "cleaned", "surveyed", "postponed", "defended", "reviewed", "expanded", "replaced", "tested"];
    private static readonly string[] Things = ["the ferry timetable", "a flood barrier", "the night bus route", "the old grain store", "a new cycle lane", "the sports hall roof", "the river footbridge", "a solar farm", "the school kitchen", "the market hall", "a water main", "the hospital car park", "the harbour crane", "a housing plan", "the town archive", "the ring road", "a wind turbine", "the allotments", "the swimming pool", "the fire station"];
    private static readonly string[] Times = ["on Monday", "late on Tuesday", "on Wednesday evening", "early on Thursday", "on Friday afternoon", "over the weekend", "last month", "after midnight", "before the holidays", "during the storm", "at the spring meeting", "within a week"];
    private static readonly string[] Reasons = ["because costs had doubled", "after complaints about noise", "to cut waiting times", "once the survey was finished", "despite a shortage of staff", "after the winter floods", "to meet new safety rules", "while the budget is reviewed", "because the contract ran out", "after a petition was delivered"];
    private static readonly string[] Reactions = ["welcomed the decision", "asked for more time", "warned of higher fees", "called the plan overdue", "demanded a public vote", "praised the quick work", "doubted the figures", "promised to appeal", "offered to help", "wanted clearer signs"];
    private static readonly string[] Measures = ["tonnes of gravel", "metres of pipe", "parking spaces", "new trees", "extra buses", "hours of overtime", "square metres of glass", "litres of paint", "solar panels", "street lamps"];
    private static readonly string[] Syllables = ["ka", "lo", "ven", "mar", "tis", "bro", "el", "dun", "sa", "ri", "thal", "o", "per", "gan", "wick", "ul", "mo", "star", "fen", "ia"];
    private static readonly string[] Suffixes = ["ford", "by", "ton", "mouth", "field", "wick", "haven", "stead", "dale", "bridge"];

    private readonly int _seed = seed;

    /// <summary>
    /// The run's articles, in publication order. <paramref name="longShare"/>, <paramref name="nearDuplicateShare"/> and
    /// <paramref name="fullPageShare"/> are fractions (0..1) of <paramref name="count"/>.
    /// </summary>
    public IReadOnlyList<GeneratedArticle> Generate(int count, double longShare = 0.25, double nearDuplicateShare = 0, double fullPageShare = 0)
    {
        var random = new Random(_seed);
        var articles = new List<GeneratedArticle>(count);
        for (var index = 0; index < count; index++)
        {
            var fullPage = random.NextDouble() < fullPageShare;
            if (index > 10 && random.NextDouble() < nearDuplicateShare)
            {
                var original = articles[random.Next(index)];
                var source = original.NearDuplicateOf is { } root ? articles[root] : original;
                articles.Add(Reword(random, source, index, fullPage));
            }
            else
            {
                articles.Add(Write(random, index, random.NextDouble() < longShare ? 800 : 250, fullPage));
            }
        }

        return articles;
    }

    private GeneratedArticle Write(Random random, int index, int words, bool fullPage)
    {
        var town = Name(random) + Pick(random, Suffixes);
        var people = Enumerable.Range(0, 4).Select(_ => Capitalise(Name(random)) + " " + Capitalise(Name(random)) + Pick(random, ["son", "er", "ley", "ini", "ova"])).ToArray();
        var title = string.Create(CultureInfo.InvariantCulture, $"{Capitalise(town)} {Pick(random, Roles)} {Pick(random, Verbs)} {Pick(random, Things)} (run {_seed}, item {index})");
        var paragraphs = new List<string>();
        var written = 0;
        while (written < words)
        {
            var paragraph = new StringBuilder();
            for (var s = 0; s < 3 + random.Next(2) && written < words; s++)
            {
                var sentence = Sentence(random, Capitalise(town), people);
                written += sentence.Count(c => c == ' ') + 1;
                paragraph.Append(paragraph.Length == 0 ? string.Empty : " ").Append(sentence);
            }

            paragraphs.Add(paragraph.ToString());
        }

        return new GeneratedArticle(index, title, paragraphs, fullPage, NearDuplicateOf: null);
    }

    /// <summary>A copy of <paramref name="source"/> with two sentences replaced and another headline: the same story, seen again.</summary>
    private static GeneratedArticle Reword(Random random, GeneratedArticle source, int index, bool fullPage)
    {
        var paragraphs = source.Paragraphs.ToList();
        for (var change = 0; change < 2; change++)
        {
            var p = random.Next(paragraphs.Count);
            var sentences = paragraphs[p].Split(". ").ToList();
            sentences[random.Next(sentences.Count)] = string.Create(CultureInfo.InvariantCulture, $"A later update said {Pick(random, Groups)} {Pick(random, Reactions)} {Pick(random, Times)}");
            paragraphs[p] = string.Join(". ", sentences);
        }

        var title = string.Create(CultureInfo.InvariantCulture, $"Update: {source.Title[..source.Title.LastIndexOf(" (", StringComparison.Ordinal)]} (item {index}, after item {source.Index})");
        return new GeneratedArticle(index, title, paragraphs, fullPage, source.Index);
    }

    private static string Sentence(Random random, string town, string[] people)
    {
        var person = Pick(random, people);
        var number = random.Next(3, 9_000).ToString("N0", CultureInfo.InvariantCulture);
        return random.Next(7) switch
        {
            0 => $"The {Pick(random, Roles)} of {town} {Pick(random, Verbs)} {Pick(random, Things)} {Pick(random, Times)} {Pick(random, Reasons)}.",
            1 => $"{person}, who has lived in {town} for {random.Next(2, 60)} years, said the {Pick(random, Groups)} {Pick(random, Reactions)}.",
            2 => $"Officials counted {number} {Pick(random, Measures)} and said {Pick(random, Things)} would be {Pick(random, Verbs)} {Pick(random, Times)}.",
            3 => $"\"We {Pick(random, Verbs)} {Pick(random, Things)} {Pick(random, Reasons)},\" {person} told a meeting of {random.Next(12, 400)} {Pick(random, Groups)}.",
            4 => $"According to the {Pick(random, Roles)}, {Pick(random, Groups)} in the north of {town} {Pick(random, Reactions)} {Pick(random, Times)}.",
            5 => $"The work on {Pick(random, Things)} is expected to cost {number} thousand and to take {random.Next(2, 30)} weeks, {person} added.",
            _ => $"Several {Pick(random, Groups)} {Pick(random, Reactions)}, while the {Pick(random, Roles)} {Pick(random, Verbs)} {Pick(random, Things)} {Pick(random, Reasons)}.",
        };
    }

    private static string Name(Random random) =>
        string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Pick(random, Syllables)));

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
