using NewsIngest.Contracts;
using NewsIngest.Testing;
using YamlDotNet.RepresentationModel;

namespace NewsIngest.IntegrationTests.Contracts;

public sealed class AsyncApiDocumentTests
{
    private static readonly string DocumentPath = Path.Combine(RepositoryPaths.Root, "shared", "NewsIngest.Contracts", "asyncapi.yaml");

    [Fact]
    public void Document_IsValidYamlForAsyncApi2()
    {
        var root = Load();

        ((YamlScalarNode)root.Children[new YamlScalarNode("asyncapi")]).Value.ShouldStartWith("2.");
        root.Children.ShouldContainKey(new YamlScalarNode("channels"));
    }

    [Fact]
    public void Document_NamesEveryMessageTheSystemPublishes()
    {
        var messages = (YamlMappingNode)((YamlMappingNode)Load().Children[new YamlScalarNode("components")]).Children[new YamlScalarNode("messages")];
        var documented = messages.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        var published = typeof(ArticleFetched).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "NewsIngest.Contracts" && t.GetProperty("ArticleId") is not null && t.GetProperty("CorrelationId") is not null)
            .Select(t => t.Name)
            .ToList();

        published.Count.ShouldBeGreaterThanOrEqualTo(5);
        published.ShouldAllBe(name => documented.Contains(name));
    }

    [Fact]
    public void Document_DescribesTheTopicExchangeAndItsRoutingKey()
    {
        var channels = (YamlMappingNode)Load().Children[new YamlScalarNode("channels")];

        channels.Children.ShouldContainKey(new YamlScalarNode("news.articles"));
        File.ReadAllText(DocumentPath).ShouldContain("article.stored.<language>.<category>");
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(DocumentPath);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.ShouldHaveSingleItem().RootNode;
    }
}
