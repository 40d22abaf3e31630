using System.IO.Compression;
using System.Text;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Reads the enricher's embedded resources: gzip'd, tab-separated tables built by <c>tools/enrichment-data</c>,
/// and hand-written word lists (<c>*.txt</c>, <c>[Section]</c> headings, <c>#</c> comments).
/// </summary>
public static class EmbeddedData
{
    public static IEnumerable<string[]> ReadRows(string name)
    {
        using var gzip = new GZipStream(Open(name), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split('\t');
            }
        }
    }

    /// <summary>The non-comment lines of each <c>[Section]</c> of a word list, in file order.</summary>
    public static IReadOnlyDictionary<string, List<string>> ReadSections(string name)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        using var reader = new StreamReader(Open(name), Encoding.UTF8);
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = [];
                sections[line[1..^1]] = current;
            }
            else
            {
                (current ?? throw new InvalidDataException($"{name}: '{line}' stands before any [Section].")).Add(line);
            }
        }

        return sections;
    }

    private static Stream Open(string name)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        return assembly.GetManifestResourceStream("NewsIngest.Enricher.Data." + name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
    }
}
