using System.Text;
using System.Xml;
using NewsIngest.Fetcher.Sources;

namespace NewsIngest.Fetcher.Tests.Sources;

public sealed class OpmlReaderTests
{
    [Fact]
    public void Read_NestedOutlines_ReturnsEveryHttpFeedUrl()
    {
        // Arrange
        const string opml = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Subscriptions</title></head><body>
              <outline text="Local"><outline text="Harbour" type="rss" xmlUrl="https://harbour.example.org/feed.xml"/>
                <outline text="Market" xmlUrl=" http://market.example.org/rss "/></outline>
              <outline text="Folder only"/>
              <outline text="Bad scheme" xmlUrl="file:///etc/passwd"/>
            </body></opml>
            """;

        // Act
        var urls = OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(opml)));

        // Assert
        urls.ShouldBe(["https://harbour.example.org/feed.xml", "http://market.example.org/rss"]);
    }

    [Fact]
    public void Read_DocumentTypeDeclaration_IsRefused()
    {
        // Arrange
        const string opml = """<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline xmlUrl="http://a.example.org/&x;"/></body></opml>""";

        // Act
        var act = () => OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(opml)));

        // Assert
        act.ShouldThrow<XmlException>();
    }
}
