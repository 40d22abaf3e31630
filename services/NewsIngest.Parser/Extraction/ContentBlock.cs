namespace NewsIngest.Parser.Extraction;

/// <summary>One paragraph-level piece of the article: its kind (p, h2…h6, li, blockquote, pre, figcaption),
/// its normalised text, its inline HTML, and how much of the text sits inside links.</summary>
internal sealed record ContentBlock(string Kind, string Text, string InlineHtml, int LinkChars, string? ListTag)
{
    /// <summary>Marks a paragraph break inside a block (from a double &lt;br&gt;); a private-use character, so text
    /// normalisation keeps it.</summary>
    public const char LineBreak = '\uE000';

    /// <summary>The block's paragraphs: one, or several when it was written with double line breaks.</summary>
    public IEnumerable<string> Paragraphs() =>
        Text.Split(LineBreak, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
