namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Parses RSS 0.90–2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1 from raw bytes. Tolerant of the usual
/// breakage (undeclared entities, stray ampersands, unclosed elements, bad dates: a bad field is left null and the
/// rest flows); strict about hostile input: entity declarations (billion laughs, XXE), excessive nesting or size
/// throw <see cref="FeedFormatException"/>. No DTD is processed and nothing outside the given bytes is ever read.
/// </summary>
public static class FeedParser
{
    /// <param name="content">The bytes as fetched.</param>
    /// <param name="contentType">The HTTP Content-Type header, if known (its charset wins over the XML declaration).</param>
    /// <param name="location">The feed URL (base for relative links). File and other non-HTTP locations are not used as a base.</param>
    public static FeedDocument Parse(ReadOnlySpan<byte> content, string? contentType, Uri? location)
    {
        if (content.Length > FeedLimits.MaxBytes)
        {
            throw new FeedFormatException($"The feed is larger than {FeedLimits.MaxBytes} bytes.");
        }

        using var decoded = FeedText.Decode(content, contentType);
        var text = decoded.Text;
        var baseUri = location is { IsAbsoluteUri: true } && (location.Scheme == Uri.UriSchemeHttp || location.Scheme == Uri.UriSchemeHttps)
            ? location.AbsoluteUri
            : null;
        var start = FirstSignificant(text.Span);
        if (start < 0)
        {
            throw new FeedFormatException("The content is empty.");
        }

        var first = text.Span[start];
        if (first is '{' or '[')
        {
            return JsonFeedReader.Read(text, baseUri);
        }

        if (first != '<')
        {
            throw new FeedFormatException("The content is neither XML nor JSON.");
        }

        var builder = XmlFeedReader.Read(text, baseUri, out var root);
        var format = FormatOf(builder.Version, root)
            ?? throw new FeedFormatException(root.Length == 0
                ? "The content has no XML elements."
                : $"The document is not a feed: its root element is <{root.Replace('_', ':')}>.");
        return FeedDocumentMapper.Map(builder, format);
    }

    private static int FirstSignificant(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The format label: the root element decides the family, the declared version refines it.</summary>
    private static string? FormatOf(string version, string root) => root switch
    {
        "rss" or "channel" => version switch
        {
            "rss090" => "rss0.90",
            "rss091" => "rss0.91",
            "rss092" => "rss0.92",
            "rss093" => "rss0.93",
            "rss094" => "rss0.94",
            "rss20" => "rss2.0",
            _ => "rss",
        },
        "rdf_rdf" => version == "rss090" ? "rss0.90" : "rss1.0",
        "feed" => version switch
        {
            "atom01" => "atom0.1",
            "atom02" => "atom0.2",
            "atom03" => "atom0.3",
            "atom10" => "atom1.0",
            _ => "atom",
        },
        _ => null,
    };
}
