using System.Net;
using System.Text;
using NewsIngest.Contracts;
using NewsIngest.Parser.Parsing;
using NewsIngest.Testing;

namespace NewsIngest.Parser.Tests.Parsing;

/// <summary>The seed article as a wire text and as a web page we build around it parse to the same article.</summary>
public sealed class SeedArticleFormsTests
{
    private readonly ArticleParsing _parsing = new();

    [Fact]
    public void Parse_SeedAsTextAndAsPage_GiveSameTitleParagraphsAndSource()
    {
        var seed = File.ReadAllBytes(Path.Combine(RepositoryPaths.SharedData, "samples", "seed-article.txt"));
        var text = _parsing.Parse(new ParseRequest { Kind = ArticleSourceKind.Text, Body = seed }).Article.ShouldNotBeNull();

        var page = _parsing.Parse(new ParseRequest
        {
            Kind = ArticleSourceKind.Html,
            Body = Encoding.UTF8.GetBytes(PageAround(text.Title, text.Paragraphs, text.Source!)),
            Url = "https://news.example/2018/07/isis-gaining-influence",
        }).Article.ShouldNotBeNull();

        page.Title.ShouldBe(text.Title);
        page.Paragraphs.ShouldBe(text.Paragraphs);
        page.Source.ShouldBe(text.Source);
    }

    /// <summary>A page as a news site would serve it: navigation, share buttons, related links, a footer.</summary>
    private static string PageAround(string title, IReadOnlyList<string> paragraphs, string site)
    {
        var body = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>{{WebUtility.HtmlEncode(title)}} | {{site}}</title>
            <meta property="og:site_name" content="{{site}}">
            <meta property="og:title" content="{{WebUtility.HtmlEncode(title)}}">
            </head><body>
            <header><nav class="main-nav"><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/world">World</a></nav></header>
            <main><article>
            <h1>{{WebUtility.HtmlEncode(title)}}</h1>
            <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
            <div class="entry-content">
            {{body}}
            </div>
            </article>
            <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Another story about elections</a></li><li><a href="/b">Markets close higher</a></li></ul></aside>
            </main>
            <footer><p>Copyright 2026 {{site}}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
            </body></html>
            """;
    }
}
