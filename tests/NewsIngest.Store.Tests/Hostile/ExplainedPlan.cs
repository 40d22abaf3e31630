using System.Data.Common;
using System.Text.Json;

namespace NewsIngest.Store.Tests.Hostile;

/// <summary>What <c>EXPLAIN (ANALYZE, FORMAT JSON)</c> of a command shows: the indexes it read, the tables it scanned
/// whole, its node types and its execution time.</summary>
internal sealed record ExplainedPlan(IReadOnlyList<string> Indexes, IReadOnlyList<string> SeqScans, IReadOnlyList<string> NodeTypes, double ExecutionMs)
{
    /// <summary>Runs <paramref name="command"/> under <c>EXPLAIN ANALYZE</c> (so it executes) and reads its plan.</summary>
    public static async Task<ExplainedPlan> OfAsync(DbCommand command)
    {
        command.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + command.CommandText;
        var json = (string)(await command.ExecuteScalarAsync())!;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement[0];
        var nodes = new List<JsonElement>();
        var pending = new Stack<JsonElement>([root.GetProperty("Plan")]);
        while (pending.TryPop(out var node))
        {
            nodes.Add(node.Clone());
            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    pending.Push(child);
                }
            }
        }

        string? Text(JsonElement node, string name) => node.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new ExplainedPlan(
            [.. nodes.Select(node => Text(node, "Index Name")).OfType<string>().Distinct()],
            [.. nodes.Where(node => Text(node, "Node Type") == "Seq Scan").Select(node => Text(node, "Relation Name")).OfType<string>()],
            [.. nodes.Select(node => Text(node, "Node Type")).OfType<string>()],
            root.GetProperty("Execution Time").GetDouble());
    }

    public override string ToString() =>
        $"{ExecutionMs:F1} ms; indexes [{string.Join(", ", Indexes)}]; seq scans [{string.Join(", ", SeqScans)}]; nodes {string.Join(" > ", NodeTypes)}";
}
