using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

/// <summary>The plain-text articles of <c>deploy/samples/inbox</c> (what <c>newsingest run</c> shows first) get the topic a reader would give.</summary>
public sealed class BundledSampleTests
{
    [Theory]
    [InlineData("library-night-classes.txt", "fr", "education")]
    [InlineData("orchard-cooperative-harvest.txt", "en", "economy-business-finance")]
    [InlineData("harbour-bridge-reopens.txt", "en", "economy-business-finance")]
    public void Enrich_BundledInboxSample_GivesItsLanguageAndTopic(string file, string language, string topic)
    {
        var article = TextArticle.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "samples", "inbox", file)));

        var enrichment = TestEnrichment.Enricher.Enrich(article);

        enrichment.Language.ShouldBe(language);
        enrichment.Categories[0].Code.ShouldBe(topic);
    }
}
