namespace NewsIngest.Text.Html;

public enum HtmlTokenKind
{
    /// <summary>Character data between tags (entities not yet decoded): <see cref="HtmlTokenizer.Span"/>.</summary>
    Text,

    /// <summary>A start tag: <see cref="HtmlTokenizer.Name"/>, <see cref="HtmlTokenizer.Attributes"/>, <see cref="HtmlTokenizer.SelfClosing"/>.</summary>
    StartTag,

    /// <summary>An end tag: <see cref="HtmlTokenizer.Name"/>.</summary>
    EndTag,

    /// <summary>The undecoded content of a raw-text element (script, style, title…) that the start tag before it opened.</summary>
    RawText,

    /// <summary>A comment, delimiters included: <see cref="HtmlTokenizer.Span"/>.</summary>
    Comment,

    /// <summary>A '&lt;!' that opens no comment (only when the tokenizer is asked to report them).</summary>
    Declaration,

    /// <summary>A '&lt;' that starts no markup: plain text.</summary>
    LessThan,
}
