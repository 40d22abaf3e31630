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
    /// <summary>The format named, else guessed from the file's extension, else from its first bytes.</summary>
    public static InputFormat Resolve(InputFormat requested, string path, ReadOnlySpan<byte> content)
    {
        if (requested != InputFormat.Auto)
        {
            return requested;
        }

        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".txt":
                return InputFormat.Text;
            case ".html" or ".htm":
                return InputFormat.Html;
            case ".xml" or ".rss" or ".atom" or ".rdf" or ".json":
                return InputFormat.Feed;
        }

        var head = System.Text.Encoding.UTF8.GetString(content[..Math.Min(content.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<feed", StringComparison.OrdinalIgnoreCase) || head.StartsWith('{'))
        {
            return InputFormat.Feed;
        }

        return head.StartsWith('<') ? InputFormat.Html : InputFormat.Text;
    }
}
