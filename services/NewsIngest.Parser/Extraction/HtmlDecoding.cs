using NewsIngest.Text.Charsets;

namespace NewsIngest.Parser.Extraction;

/// <summary>Turns the bytes of a fetched page into text with the shared <see cref="TextDecoder.DecodeHtml"/>: byte-order
/// mark first, then the HTTP charset, then a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration in the first
/// 4 KB, and UTF-8 when none is given; an unknown or unsupported charset (utf-7…) counts as none.</summary>
public static class HtmlDecoding
{
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType) => TextDecoder.DecodeHtml(bytes, contentType);
}
