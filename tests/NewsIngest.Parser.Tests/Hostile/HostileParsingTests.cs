using System.Text;
using NewsIngest.Contracts;
using NewsIngest.Testing;

namespace NewsIngest.Parser.Tests.Hostile;

/// <summary>Issue 10, rows 1, 4, 8 and 10: hostile bodies through the parser's real consumer.</summary>
public sealed class HostileParsingTests
{
    private const string Paragraphs = """
        <p>The harbour board met on Tuesday evening to decide how the north pier will be repaired before the winter storms arrive, and which of the three offers it received is the cheapest.</p>
        <p>Engineers told the board that the old timber piles have rotted below the waterline, and that a concrete replacement would last forty years while costing only a little more than new timber.</p>
        <p>The ferry company asked for the work to be finished before the summer timetable starts, because the north pier is where its larger boats land on busy weekends.</p>
        <p>Members voted five to two for the concrete offer; work begins next month and the pier stays open to foot passengers while the first half is rebuilt.</p>
        """;

    [Fact]
    public async Task Consume_PageDeclaringUtf7InMeta_IsParsedAsUtf8AndLogged()
    {
        // Arrange (row 1: <meta charset="utf-7"> threw NotSupportedException)
        await using var parser = await ParserHarness.StartAsync();
        var page = $"""<html><head><meta charset="utf-7"><title>Pier repairs agreed</title></head><body><article><h1>Pier repairs agreed</h1>{Paragraphs}</article></body></html>""";

        // Act
        var id = await parser.FetchedAsync(ArticleSourceKind.Html, page, url: "https://news.example.org/pier", charset: "utf-7");
        var article = await parser.ParsedAsync(id);

        // Assert
        article.Title.ShouldBe("Pier repairs agreed");
        article.Paragraphs.Count.ShouldBeGreaterThanOrEqualTo(4);
        (await parser.LogLineAsync($"Parsed article {id} ")).ShouldStartWith($"Parsed article {id} Pier repairs agreed:");
    }

    [Fact]
    public async Task Consume_FeedItemOf100000NestedDivs_IsParsedAndLogged()
    {
        // Arrange (row 4: 1.1 MB of nested <div> took 42 s per item in the AngleSharp feed-entry path)
        await using var parser = await ParserHarness.StartAsync();
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 100_000));

        // Act
        var id = await parser.FetchedAsync(ArticleSourceKind.FeedItem, html, title: "Deep");
        var article = await parser.ParsedAsync(id);

        // Assert
        article.Paragraphs.ShouldBe(["deep text"]);
        (await parser.LogLineAsync($"Parsed article {id} ")).ShouldBe($"Parsed article {id} Deep: 1 paragraphs");
    }

    [Fact]
    public async Task Consume_PageWithMillionsOfElementsAfterItsArticle_IsParsedFromItsStartAndLogged()
    {
        // Arrange (linear-time acceptance: 2 MB of <p><li> built 600,000 nodes and 8 MB several hundred MB of tree)
        await using var parser = await ParserHarness.StartAsync();
        var page = $"""<html><head><title>Pier repairs agreed</title></head><body><article><h1>Pier repairs agreed</h1>{Paragraphs}</article>{LinearTime.Repeat("<p><li>", 2)}</body></html>""";

        // Act
        var id = await parser.FetchedAsync(ArticleSourceKind.Html, page, url: "https://news.example.org/pier");
        var article = await parser.ParsedAsync(id);

        // Assert
        article.Title.ShouldBe("Pier repairs agreed");
        article.Paragraphs.Count.ShouldBe(4);
        (await parser.LogLineAsync($"Article {id}: page ")).ShouldStartWith(
            $"Article {id}: page https://news.example.org/pier was read in part: the page's tree reached 250,000 nodes at character ");
    }

    [Fact]
    public async Task Consume_PageWithJavascriptCanonicalAndImage_PublishesOnlyHttpUrls()
    {
        // Arrange (row 8: javascript: and CR/LF were stored as url / canonicalUrl / leadImage)
        await using var parser = await ParserHarness.StartAsync();
        var page = $"""
            <html><head><title>Pier repairs agreed</title>
            <link rel="canonical" href="javascript:alert(document.cookie)">
            <meta property="og:image" content="javascript:alert(2)">
            </head><body><article><h1>Pier repairs agreed</h1>{Paragraphs}</article></body></html>
            """;

        // Act
        var id = await parser.FetchedAsync(ArticleSourceKind.Html, page, url: "javascript:alert(1)");
        var article = await parser.ParsedAsync(id);

        // Assert
        article.Url.ShouldBeNull();
        article.CanonicalUrl.ShouldBeNull();
        article.LeadImage.ShouldBeNull();
        (await parser.LogLineAsync($"Parsed article {id} ")).ShouldStartWith($"Parsed article {id} Pier repairs agreed:");
    }

    [Fact]
    public async Task Consume_TitleWithNewlineAndEscapeSequences_PublishesAndLogsItStripped()
    {
        // Arrange (row 10: forged log and console lines)
        await using var parser = await ParserHarness.StartAsync();
        const string title = "Tides\n[12:00:00 FTL] forged line\u001b[2J\u0007";

        // Act
        var id = await parser.FetchedAsync(ArticleSourceKind.FeedItem, "<p>The harbour master posted a note about tides.</p>", title: title);
        var article = await parser.ParsedAsync(id);

        // Assert
        article.Title.ShouldBe("Tides [12:00:00 FTL] forged line[2J");
        var line = await parser.LogLineAsync($"Parsed article {id} ");
        line.ShouldBe($"Parsed article {id} Tides [12:00:00 FTL] forged line[2J: 1 paragraphs");
        line.Any(char.IsControl).ShouldBeFalse();
    }

    [Fact]
    public void Parse_FeedItemDeclaredUtf7_FallsBackToUtf8()
    {
        // Arrange (row 1, plain-text and feed-item decoding)
        var parsing = new NewsIngest.Parser.Parsing.ArticleParsing();

        // Act
        var outcome = parsing.Parse(new NewsIngest.Parser.Parsing.ParseRequest
        {
            Kind = ArticleSourceKind.Text,
            Body = Encoding.UTF8.GetBytes("Færge i nat\nDen nye færge sejler fra i aften.\n"),
            Charset = "utf-7",
        });

        // Assert
        outcome.Article.ShouldNotBeNull().Title.ShouldBe("Færge i nat");
    }
}
