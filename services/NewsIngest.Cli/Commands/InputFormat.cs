using System.Text;
using NewsIngest.Cli.Terminal;

namespace NewsIngest.Cli.Commands;

public enum InputFormat
{
    Auto = 0,
    Text = 1,
    Html = 2,
    Feed = 3,
}

public static class InputFormats
{
    /// <summary>The values <c>--format</c> accepts, by name.</summary>
    public static readonly string[] Names = ["text", "html", "feed"];

    private const int SniffBytes = 8192;

    /// <summary>The <c>--format</c> option: its values listed by name in help and in the error for any other.</summary>
    public static System.CommandLine.Option<string?> Option(string description)
    {
        var option = new System.CommandLine.Option<string?>("--format") { Description = $"{description} ({string.Join(", ", Names)})" };
        option.AcceptOnlyFromAmong(Names);
        return option;
    }

    public static InputFormat Parse(string? name) => name switch
    {
        null => InputFormat.Auto,
        "text" => InputFormat.Text,
        "html" => InputFormat.Html,
        "feed" => InputFormat.Feed,
        _ => throw CliException.Usage($"--format must be one of {string.Join(", ", Names)}, got '{ConsoleText.OneLine(name)}'"),
    };

    /// <summary>
    /// The format named, else the one the bytes show (a feed's root element or JSON Feed's version, HTML's tags, else
    /// text). Binary content is refused whatever was named.
    /// </summary>
    public static InputFormat Resolve(InputFormat requested, string path, ReadOnlySpan<byte> content)
    {
        if (LooksBinary(content))
        {
            throw CliException.NoArticle($"{ConsoleText.OneLine(path)} looks binary (NUL or control bytes); give a text article, an HTML page or a feed");
        }

        return requested != InputFormat.Auto ? requested : Sniff(content);
    }

    /// <summary>True when the text is neither valid UTF-8 nor marked with a byte-order mark: it will be read as windows-1252.</summary>
    public static bool IsUndeclaredNonUtf8(ReadOnlySpan<byte> content) =>
        !HasByteOrderMark(content) && !System.Text.Unicode.Utf8.IsValid(content);

    private static InputFormat Sniff(ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, SniffBytes)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('{'))
        {
            return head.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) ? InputFormat.Feed : InputFormat.Text;
        }

        if (!head.StartsWith('<'))
        {
            return InputFormat.Text;
        }

        var root = FirstElementName(head);
        return root is "rss" or "feed" or "rdf:rdf" ? InputFormat.Feed : InputFormat.Html;
    }

    /// <summary>The name of the first element after any XML declaration, comments, processing instructions and doctype.</summary>
    private static string? FirstElementName(string head)
    {
        var i = 0;
        while ((i = head.IndexOf('<', i)) >= 0 && i + 1 < head.Length)
        {
            var next = head[i + 1];
            if (next is '?' or '!')
            {
                var end = head.IndexOf('>', i);
                if (end < 0)
                {
                    return null;
                }

                i = end + 1;
                continue;
            }

            var start = i + 1;
            var stop = start;
            while (stop < head.Length && !char.IsWhiteSpace(head[stop]) && head[stop] is not '>' and not '/')
            {
                stop++;
            }

            return head[start..stop].ToLowerInvariant();
        }

        return null;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> content)
    {
        if (HasByteOrderMark(content))
        {
            return false; // UTF-16 text holds NUL bytes
        }

        var sample = content[..Math.Min(content.Length, SniffBytes)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                control++;
            }
        }

        return sample.Length > 0 && control * 10 > sample.Length;
    }

    private static bool HasByteOrderMark(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
}
