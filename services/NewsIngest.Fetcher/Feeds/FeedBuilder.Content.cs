using System.Text;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>Text constructs: descriptions, summaries and content, their types, base64 and XHTML.</summary>
internal sealed partial class FeedBuilder
{
    private void StartDescription(Dictionary<string, string> a)
    {
        if (Context().Values.ContainsKey("summary") && !_hasContent)
        {
            _summaryKey = "content";
            StartContent(a);
        }
        else
        {
            PushContent("description", a, "text/html", _inFeed || _inEntry || _inSource);
        }
    }

    private void StartSummary(Dictionary<string, string> a)
    {
        if (Context().Values.ContainsKey("summary") && !_hasContent)
        {
            _summaryKey = "content";
            StartContent(a);
        }
        else
        {
            _summaryKey = "summary";
            PushContent("summary", a, "text/plain", true);
        }
    }

    private void EndSummaryLike(string key)
    {
        if (_summaryKey == "content")
        {
            EndContent();
        }
        else
        {
            PopContent(key == "description" ? "description" : key);
        }

        _summaryKey = null;
    }

    private void StartContent(Dictionary<string, string> a)
    {
        _hasContent = true;
        PushContent("content", a, "text/plain", true);
    }

    private void EndContent()
    {
        var copyToSummary = _content is not null && MapContentType(_content.Type) is "text/plain" or "text/html" or XhtmlType;
        var value = PopContent("content");
        if (copyToSummary && value is not null)
        {
            Context().Values.TryAdd("summary", value);
        }
    }

    private static void StripEnclosingDiv(List<string> pieces)
    {
        while (pieces.Count > 1 && string.IsNullOrWhiteSpace(pieces[^1]))
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        while (pieces.Count > 1 && string.IsNullOrWhiteSpace(pieces[0]))
        {
            pieces.RemoveAt(0);
        }

        if (pieces.Count < 2 || !(pieces[0] == "<div>" || pieces[0].StartsWith("<div ", StringComparison.Ordinal)) || pieces[^1] != "</div>")
        {
            return;
        }

        var depth = 0;
        for (var i = 0; i < pieces.Count - 1; i++)
        {
            var piece = pieces[i];
            if (piece.StartsWith("</", StringComparison.Ordinal))
            {
                depth--;
                if (depth == 0)
                {
                    return; // the first div closes before the end: it does not enclose everything
                }
            }
            else if (piece.StartsWith('<') && !piece.EndsWith("/>", StringComparison.Ordinal))
            {
                depth++;
            }
        }

        pieces.RemoveAt(pieces.Count - 1);
        pieces.RemoveAt(0);
    }

    private static string DecodeBase64(string text)
    {
        var buffer = new byte[text.Length];
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                clean.Append(c);
            }
        }

        if (!Convert.TryFromBase64String(clean.ToString(), buffer, out var written))
        {
            return text;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }

    private static bool IsBase64(string? mode, string type)
    {
        if (mode == "base64")
        {
            return true;
        }

        return !(type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal));
    }

    internal static string MapContentType(string type)
    {
        var lower = type.Trim().ToLowerInvariant();
        return lower switch
        {
            "text" or "plain" => "text/plain",
            "html" => "text/html",
            "xhtml" => XhtmlType,
            _ => lower,
        };
    }

    private static string SerializeStartTag(string localName, Dictionary<string, string> attributes)
    {
        if (attributes.Count == 0)
        {
            return "<" + localName + ">";
        }

        var sb = new StringBuilder("<").Append(localName);
        foreach (var (name, value) in attributes)
        {
            sb.Append(' ').Append(name).Append("=\"").Append(HtmlText.EscapeAttribute(value)).Append('"');
        }

        return sb.Append('>').ToString();
    }

    private sealed class ContentParams(string type)
    {
        public string Type { get; set; } = type;
        public bool Base64 { get; init; }
    }
}
