using System.IO.Compression;
using System.Text;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Reads the gzip'd, tab-separated resources built by <c>tools/enrichment-data</c>.</summary>
public static class EmbeddedData
{
    public static IEnumerable<string[]> ReadRows(string name)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var stream = assembly.GetManifestResourceStream("NewsIngest.Enricher.Data." + name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split('\t');
            }
        }
    }
}
