using System.Text;
using NewsIngest.Fetcher.Feeds;
using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserEncodingTests
{
    private const string Title = "Crème brûlée – “quoted” €5";

    [Fact]
    public void Parse_Windows1252DeclaredInProlog_DecodesSmartQuotesAndEuro()
    {
        // Arrange
        var bytes = Encode(1252, $"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>{Title}</title></channel></rss>");

        // Act
        var feed = FeedParser.Parse(bytes, null, null);

        // Assert
        feed.Title.ShouldBe(Title);
    }

    [Fact]
    public void Parse_Iso88591DeclaredInProlog_DecodesLatin1()
    {
        // Arrange
        var bytes = Encode(28591, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Smørrebrød à la française</title></channel></rss>");

        // Act
        var feed = FeedParser.Parse(bytes, null, null);

        // Assert
        feed.Title.ShouldBe("Smørrebrød à la française");
    }

    [Fact]
    public void Parse_HttpCharsetDisagreesWithProlog_HeaderWins()
    {
        // Arrange
        var bytes = Encode(1252, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{Title}</title></channel></rss>");

        // Act
        var feed = FeedParser.Parse(bytes, "application/rss+xml; charset=windows-1252", null);

        // Assert
        feed.Title.ShouldBe(Title);
    }

    [Fact]
    public void Parse_Utf16WithByteOrderMark_Decodes()
    {
        // Arrange
        var xml = $"<?xml version=\"1.0\" encoding=\"utf-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{Title}</title></feed>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray();

        // Act
        var feed = FeedParser.Parse(bytes, null, null);

        // Assert
        feed.Title.ShouldBe(Title);
    }

    [Fact]
    public void Parse_Utf16BigEndianWithoutByteOrderMark_Decodes()
    {
        // Arrange
        var bytes = Encoding.BigEndianUnicode.GetBytes($"<rss version=\"2.0\"><channel><title>{Title}</title></channel></rss>");

        // Act
        var feed = FeedParser.Parse(bytes, null, null);

        // Assert
        feed.Title.ShouldBe(Title);
    }

    [Fact]
    public void Parse_Utf8WithByteOrderMark_Decodes()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"<rss><channel><title>{Title}</title></channel></rss>")).ToArray();

        // Act
        var feed = FeedParser.Parse(bytes, null, null);

        // Assert
        feed.Title.ShouldBe(Title);
    }

    [Fact]
    public void Parse_UndeclaredBytesThatAreNotUtf8_FallBackToWindows1252()
    {
        // Arrange
        var bytes = Encode(1252, "<rss><channel><title>Caf\u00e9</title></channel></rss>");

        // Act
        var feed = FeedParser.Parse(bytes, null, null);

        // Assert
        feed.Title.ShouldBe("Caf\u00e9");
    }

    private static byte[] Encode(int codePage, string text) => FeedTestFiles.GetEncoding(codePage).GetBytes(text);
}
