namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Drives <see cref="XmlScanner"/> into <see cref="FeedBuilder"/>: resolves namespace prefixes to canonical ones,
/// normalises attribute names, and repairs nesting (an end tag closes any elements left open inside it; a stray
/// end tag is ignored; whatever is open at the end of input is closed).
/// </summary>
internal static class XmlFeedReader
{
    public static FeedBuilder Read(ReadOnlyMemory<char> text, string? baseUri, out string rootKey)
    {
        var scanner = new XmlScanner(text);
        var builder = new FeedBuilder(baseUri);
        var open = new List<OpenElement>();
        var namespaces = new List<KeyValuePair<string, string>>();
        var names = new NameCache();
        rootKey = "";
        while (scanner.Read() != XmlTokenKind.EndOfInput)
        {
            switch (scanner.Kind)
            {
                case XmlTokenKind.StartTag:
                    if (open.Count >= FeedLimits.MaxDepth)
                    {
                        throw new FeedFormatException($"The feed nests elements deeper than {FeedLimits.MaxDepth} levels.");
                    }

                    var element = Open(scanner, builder, namespaces, names, out var attributes);
                    if (rootKey.Length == 0)
                    {
                        rootKey = element.Key;
                    }

                    open.Add(element);
                    builder.Start(element.Key, element.LocalName, attributes);
                    if (scanner.IsEmptyElement)
                    {
                        Close(builder, open, namespaces, open.Count - 1);
                    }

                    break;
                case XmlTokenKind.EndTag:
                    var index = FindOpen(open, scanner.Name);

                    if (index >= 0)
                    {
                        Close(builder, open, namespaces, index);
                    }

                    break;
                case XmlTokenKind.Text or XmlTokenKind.CData:
                    if (open.Count > 0 && builder.AcceptsText)
                    {
                        builder.Text(scanner.Value);
                    }

                    break;
            }
        }

        Close(builder, open, namespaces, 0);
        return builder;
    }

    private static OpenElement Open(
        XmlScanner scanner, FeedBuilder builder, List<KeyValuePair<string, string>> namespaces, NameCache names, out Dictionary<string, string> attributes)
    {
        var declared = 0;
        foreach (var (name, value) in scanner.Attributes)
        {
            if (name == "xmlns")
            {
                namespaces.Add(new("", value));
                builder.TrackNamespace(null, value);
                declared++;
            }
            else if (name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                namespaces.Add(new(name[6..], value));
                builder.TrackNamespace(name[6..], value);
                declared++;
            }
        }

        attributes = scanner.Attributes.Count == declared ? names.EmptyAttributes() : new Dictionary<string, string>(scanner.Attributes.Count, StringComparer.Ordinal);
        foreach (var (name, value) in scanner.Attributes)
        {
            if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = name.IndexOf(':', StringComparison.Ordinal);
            var uri = colon < 0 ? null : Lookup(namespaces, name.AsSpan(0, colon));
            var key = names.AttributeKey(name, colon, uri);

            if (key is "rel" or "type")
            {
                attributes[key] = value.Trim().ToLowerInvariant();
            }
            else
            {
                attributes.TryAdd(key, value);
            }
        }

        var qualified = scanner.Name;
        var separator = qualified.IndexOf(':', StringComparison.Ordinal);
        var elementUri = Lookup(namespaces, separator < 0 ? "" : qualified.AsSpan(0, separator));
        var (elementKey, lowerLocal) = names.ElementKey(qualified, separator, elementUri);
        return new OpenElement(qualified, elementKey, lowerLocal, declared);
    }

    private static void Close(FeedBuilder builder, List<OpenElement> open, List<KeyValuePair<string, string>> namespaces, int downTo)
    {
        for (var i = open.Count - 1; i >= downTo; i--)
        {
            var element = open[i];
            builder.End(element.Key, element.LocalName);
            namespaces.RemoveRange(namespaces.Count - element.DeclaredNamespaces, element.DeclaredNamespaces);
            open.RemoveAt(i);
        }
    }

    /// <summary>The innermost open element with this name (exact case first, then ignoring case), or -1.</summary>
    private static int FindOpen(List<OpenElement> open, string name)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(open[i].QualifiedName, name) || open[i].QualifiedName == name)
            {
                return i;
            }
        }

        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (string.Equals(open[i].QualifiedName, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Lookup(List<KeyValuePair<string, string>> namespaces, ReadOnlySpan<char> prefix)
    {
        for (var i = namespaces.Count - 1; i >= 0; i--)
        {
            if (prefix.SequenceEqual(namespaces[i].Key))
            {
                return namespaces[i].Value;
            }
        }

        return null;
    }

    private readonly record struct OpenElement(string QualifiedName, string Key, string LocalName, int DeclaredNamespaces);

    /// <summary>Per-document caches of the dispatch keys derived from names, so repeated tags allocate nothing.</summary>
    private sealed class NameCache
    {
        private readonly Dictionary<(string, string?), (string Key, string Local)> _elements = [];
        private readonly Dictionary<(string, string?), string> _attributes = [];
        private readonly Dictionary<string, string> _empty = new(StringComparer.Ordinal);

        /// <summary>A reusable attribute map for tags without attributes (cleared, as handlers may add defaults).</summary>
        public Dictionary<string, string> EmptyAttributes()
        {
            _empty.Clear();
            return _empty;
        }

        public (string Key, string Local) ElementKey(string qualified, int separator, string? uri)
        {
            if (_elements.TryGetValue((qualified, uri), out var cached))
            {
                return cached;
            }

            var givenPrefix = separator < 0 ? "" : qualified[..separator];
            var localName = separator < 0 ? qualified : qualified[(separator + 1)..];
            var mapped = uri is null ? givenPrefix : FeedNamespaces.CanonicalPrefix(uri) ?? givenPrefix;
            var lowerLocal = localName.ToLowerInvariant();
            var key = mapped.Length == 0 ? lowerLocal : mapped.ToLowerInvariant() + "_" + lowerLocal;
            _elements[(qualified, uri)] = (key, lowerLocal);
            return (key, lowerLocal);
        }

        public string AttributeKey(string name, int colon, string? uri)
        {
            if (_attributes.TryGetValue((name, uri), out var cached))
            {
                return cached;
            }

            string key;
            if (colon < 0)
            {
                key = name.ToLowerInvariant();
            }
            else
            {
                var prefix = name[..colon];
                var local = name[(colon + 1)..].ToLowerInvariant();
                var canonical = prefix == "xml" ? "xml" : FeedNamespaces.CanonicalPrefix(uri ?? "");
                key = string.IsNullOrEmpty(canonical) ? local : canonical + ":" + local;
            }

            _attributes[(name, uri)] = key;
            return key;
        }
    }
}
