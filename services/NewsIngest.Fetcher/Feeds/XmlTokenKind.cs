namespace NewsIngest.Fetcher.Feeds;

internal enum XmlTokenKind
{
    None,
    StartTag,
    EndTag,
    Text,
    CData,
    EndOfInput,
}
