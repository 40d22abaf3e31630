using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Tests.Support;

/// <summary>Accuracy figures of the enricher over the labelled set, with what it got wrong.</summary>
public sealed class LabelledSetScore
{
    private LabelledSetScore()
    {
    }

    public int Articles { get; private init; }
    public double LanguageAccuracy { get; private init; }
    public double TopCategoryAccuracy { get; private init; }

    /// <summary>Share of the labelled entities found with the right type (by name or alias).</summary>
    public double EntityRecall { get; private init; }
    public IReadOnlyList<string> Misses { get; private init; } = [];

    public static LabelledSetScore Measure(IReadOnlyList<LabelledArticle> articles, Func<ParsedArticle, ArticleEnrichment> enrich)
    {
        int language = 0, category = 0, entitiesExpected = 0, entitiesFound = 0;
        var misses = new List<string>();
        foreach (var article in articles)
        {
            var result = enrich(article.ToArticle());
            if (result.Language == article.Language)
            {
                language++;
            }
            else
            {
                misses.Add($"{article.Id}: language {result.Language}");
            }

            var top = result.Categories.Count > 0 ? result.Categories[0].Code : "none";
            if (top == article.Category)
            {
                category++;
            }
            else
            {
                misses.Add($"{article.Id}: category {top} ({string.Join(", ", result.Categories.Select(c => $"{c.Code} {c.Score}"))})");
            }

            foreach (var expected in article.Entities)
            {
                entitiesExpected++;
                if (result.Entities.Any(e => e.Type == expected.Type && Names(e).Contains(expected.Name, StringComparer.OrdinalIgnoreCase)))
                {
                    entitiesFound++;
                }
                else
                {
                    misses.Add($"{article.Id}: entity {expected.Name} {expected.Type}");
                }
            }
        }

        return new LabelledSetScore
        {
            Articles = articles.Count,
            LanguageAccuracy = (double)language / articles.Count,
            TopCategoryAccuracy = (double)category / articles.Count,
            EntityRecall = entitiesExpected == 0 ? 1 : (double)entitiesFound / entitiesExpected,
            Misses = misses,
        };
    }

    public override string ToString() =>
        $"articles {Articles}, language {LanguageAccuracy:P1}, top category {TopCategoryAccuracy:P1}, entity recall {EntityRecall:P1}"
        + Environment.NewLine + string.Join(Environment.NewLine, Misses);

    private static IEnumerable<string> Names(EntityMention e) => e.Aliases.Prepend(e.Name);
}
