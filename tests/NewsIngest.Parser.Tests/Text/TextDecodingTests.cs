using System.Text;
using NewsIngest.Parser.Text;

namespace NewsIngest.Parser.Tests.Text;

public sealed class TextDecodingTests
{
    [Fact]
    public void Decode_WhiteSpaceOnly_IsRejectedAsEmpty()
    {
        TextDecoding.Decode(" \n\t "u8, null, out var rejection).ShouldBeNull();
        rejection.ShouldNotBeNull().ShouldStartWith("empty");
    }

    [Fact]
    public void Decode_BytesWithNul_AreRejectedAsBinary()
    {
        TextDecoding.Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x41], null, out var rejection).ShouldBeNull();
        rejection.ShouldNotBeNull().ShouldStartWith("binary");
    }

    [Fact]
    public void Decode_Windows1252WithoutCharset_FallsBackFromInvalidUtf8()
    {
        var text = TextDecoding.Decode([0x43, 0x61, 0x66, 0xE9], null, out var rejection);

        rejection.ShouldBeNull();
        text.ShouldBe("Café");
    }

    [Fact]
    public void Decode_Utf16WithBom_KeepsNonLatinScript()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("پاکستان خبر")).ToArray();

        TextDecoding.Decode(bytes, null, out _).ShouldBe("پاکستان خبر");
    }
}
