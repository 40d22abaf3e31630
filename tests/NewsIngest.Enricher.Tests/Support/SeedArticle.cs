using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Tests.Support;

/// <summary>The shared seed article, read at run time from <c>../shared/samples/seed-article.txt</c>.</summary>
public static class SeedArticle
{
    public static string FilePath => RepositoryRoot.Shared("samples", "seed-article.txt");

    public static ParsedArticle Load()
    {
        File.Exists(FilePath).ShouldBeTrue($"seed article missing at {FilePath}");
        return TextArticle.Parse(File.ReadAllText(FilePath));
    }
}
