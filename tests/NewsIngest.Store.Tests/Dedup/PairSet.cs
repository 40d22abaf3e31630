using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>
/// The labelled pair set in <c>Dedup/Pairs</c>: our own short articles, their syndicated, edited and
/// truncated copies, and hard negatives (same topic and names, another event), listed in
/// <c>pairs.tsv</c> as <c>label first second kind</c>.
/// </summary>
internal static class PairSet
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "NewsIngest.Store.Tests", "Dedup", "Pairs");

    public static IReadOnlyList<LabelledPair> Load()
    {
        var articles = new Dictionary<string, TextArticle>(StringComparer.Ordinal);
        TextArticle Article(string name)
        {
            if (!articles.TryGetValue(name, out var article))
            {
                article = TextArticle.Parse(name, File.ReadAllText(Path.Combine(Folder, name + ".txt")));
                articles.Add(name, article);
            }

            return article;
        }

        return File.ReadAllLines(Path.Combine(Folder, "pairs.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => new LabelledPair(cells[0] == "same", Article(cells[1]), Article(cells[2]), cells[3]))
            .ToList();
    }

    public static IReadOnlyList<TextArticle> Articles() =>
        Directory.GetFiles(Folder, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => TextArticle.Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .ToList();
}

internal sealed record LabelledPair(bool Same, TextArticle First, TextArticle Second, string Kind);
