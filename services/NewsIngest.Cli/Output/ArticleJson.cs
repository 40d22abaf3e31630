using System.Text.Json;
using System.Text.Json.Nodes;
using NewsIngest.Contracts;

namespace NewsIngest.Cli.Output;

/// <summary>
/// One flat JSON object for an article: the parsed fields, <c>text</c> (paragraphs joined by blank lines)
/// and, when enriched, every enrichment field beside them.
/// </summary>
public static class ArticleJson
{
    public static JsonObject From(ParsedArticle article, ArticleEnrichment? enrichment)
    {
        var json = JsonSerializer.SerializeToNode(article, CliJson.Options)!.AsObject();
        json.Insert(1, "text", string.Join("\n\n", article.Paragraphs));
        if (enrichment is not null)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToNode(enrichment, CliJson.Options)!.AsObject().ToList())
            {
                json[name] = value?.DeepClone();
            }
        }

        return json;
    }
}
