namespace NewsIngest.Parser.Extraction;

/// <summary>One paragraph-level piece of the article: its kind (p, h2…h6, li, blockquote, pre, figcaption),
/// its normalised text, its inline HTML, and how much of the text sits inside links.</summary>
internal sealed record ContentBlock(string Kind, string Text, string InlineHtml, int LinkChars, string? ListTag);
