using System.Xml;

namespace NewsIngest.Fetcher.Sources;

/// <summary>Reads the feed addresses (<c>outline/@xmlUrl</c>, at any depth) of an OPML subscription list; no DTDs.</summary>
public static class OpmlReader
{
    public static IReadOnlyList<string> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static IReadOnlyList<string> Read(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(stream, settings);
        var urls = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "outline"
                && reader.GetAttribute("xmlUrl") is { } url
                && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                urls.Add(uri.ToString());
            }
        }

        return urls;
    }
}
