using System.Text;
using NewsIngest.Parser.Extraction;
using Shouldly;
using Xunit;

namespace NewsIngest.Parser.Tests.Extraction;

public sealed class HtmlDecodingTests
{
    // Decoding once registers the code-page encodings (HtmlDecoding does it), which the arrange steps need too.
    static HtmlDecodingTests() => HtmlDecoding.Decode([], null);

    [Fact]
    public void Decode_Utf8Bom_WinsOverDeclaredCharset()
    {
        // Arrange
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<meta charset=\"windows-1252\"><p>Café</p>")).ToArray();

        // Act
        var text = HtmlDecoding.Decode(bytes, "text/html; charset=iso-8859-1");

        // Assert
        text.ShouldContain("Café");
    }

    [Fact]
    public void Decode_LegacyCharsetDeclaredOverUtf8Bytes_ReadsUtf8()
    {
        // Arrange: an old template's meta tag over a page saved as UTF-8
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"gb2312\"><p>港口重新开放，渡轮恢复运行。</p>");

        // Act
        var text = HtmlDecoding.Decode(bytes, null);

        // Assert
        text.ShouldContain("港口重新开放，渡轮恢复运行。");
    }

    [Fact]
    public void Decode_LegacyCharsetDeclaredOverLegacyBytes_KeepsTheDeclaredCharset()
    {
        // Arrange
        var bytes = Encoding.GetEncoding("gb2312").GetBytes("<meta charset=\"gb2312\"><p>港口重新开放</p>");

        // Act
        var text = HtmlDecoding.Decode(bytes, null);

        // Assert
        text.ShouldContain("港口重新开放");
    }

    [Fact]
    public void Decode_HttpCharset_IsUsed()
    {
        // Arrange
        var bytes = Encoding.GetEncoding(1251).GetBytes("<p>Паром</p>");

        // Act
        var text = HtmlDecoding.Decode(bytes, "text/html; charset=windows-1251");

        // Assert
        text.ShouldBe("<p>Паром</p>");
    }

    [Theory]
    [InlineData("<meta charset=\"shift_jis\">", "shift_jis")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", "shift_jis")]
    public void Decode_MetaCharsetWithoutHttpCharset_IsUsed(string meta, string encodingName)
    {
        // Arrange
        var bytes = Encoding.GetEncoding(encodingName).GetBytes($"<html><head>{meta}</head><body><p>東京のフェリー</p></body></html>");

        // Act
        var text = HtmlDecoding.Decode(bytes, "text/html");

        // Assert
        text.ShouldContain("東京のフェリー");
    }

    [Fact]
    public void Decode_NoDeclaration_DefaultsToUtf8()
    {
        // Act
        var text = HtmlDecoding.Decode(Encoding.UTF8.GetBytes("<p>Ærøskøbing færge</p>"), null);

        // Assert
        text.ShouldBe("<p>Ærøskøbing færge</p>");
    }

    [Fact]
    public void Decode_Latin1Label_DecodesAsWindows1252()
    {
        // Arrange: 0x80 is the euro sign in windows-1252, a control character in ISO-8859-1.
        var bytes = new byte[] { 0x3C, 0x70, 0x3E, 0x80, 0x35 };

        // Act
        var text = HtmlDecoding.Decode(bytes, "text/html; charset=ISO-8859-1");

        // Assert
        text.ShouldBe("<p>€5");
    }
}
