using System.Text.Json;
using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Tests.Support;

/// <summary>One of our hand-written test articles with what the enricher should find in it.</summary>
public sealed record LabelledArticle
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public required string Id { get; init; }
    public required string Language { get; init; }
    public required string Category { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public IReadOnlyList<ExpectedEntity> Entities { get; init; } = [];

    public ParsedArticle ToArticle() => new() { Title = Title, Paragraphs = Paragraphs };

    public static IReadOnlyList<LabelledArticle> LoadAll()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "labelled-articles.json");
        return JsonSerializer.Deserialize<List<LabelledArticle>>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"No articles in {path}.");
    }
}

public sealed record ExpectedEntity(string Name, string Type);
