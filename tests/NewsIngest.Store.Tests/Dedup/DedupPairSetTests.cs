using NewsIngest.Store.Stories;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>The labelled pair set through the production path: <see cref="StoryDeduplicator"/> over the real
/// repository, on SQLite and on PostgreSQL.</summary>
public sealed class DedupPairSetTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(DedupStore.Sqlite)]
    [InlineData(DedupStore.Postgres)]
    public async Task StoreAsync_OnLabelledPairsBothWays_KeepsPrecisionAndRecallFloors(string backend)
    {
        // Arrange
        var pairs = PairSet.Load();
        await using var store = await DedupStore.CreateAsync(backend, database);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;

        // Act: each pair in both orders, the first stored in an empty store, the second decided on.
        foreach (var pair in pairs)
        {
            foreach (var (stored, incoming) in new[] { (pair.First, pair.Second), (pair.Second, pair.First) })
            {
                await store.ResetAsync();
                var first = await store.StoreAsync(stored);
                var decision = await store.StoreAsync(incoming);
                var matched = decision.Outcome == StoryOutcome.Sighting && decision.StoryId == first.StoryId;
                _ = (pair.Same, matched) switch
                {
                    (true, true) => truePositives++,
                    (false, true) => falsePositives++,
                    (true, false) => falseNegatives++,
                    (false, false) => trueNegatives++,
                };
                if (pair.Same != matched)
                {
                    output.WriteLine($"wrong: {pair.Kind}: {stored.Name} -> {incoming.Name} ({decision.Reason})");
                }
            }
        }

        var precision = (double)truePositives / Math.Max(1, truePositives + falsePositives);
        var recall = (double)truePositives / Math.Max(1, truePositives + falseNegatives);
        output.WriteLine($"{backend}: {pairs.Count} pairs, both orders: TP {truePositives} FP {falsePositives} FN {falseNegatives} TN {trueNegatives}; precision {precision:F3}, recall {recall:F3}");

        // Assert
        pairs.Count.ShouldBeGreaterThanOrEqualTo(40);
        precision.ShouldBeGreaterThanOrEqualTo(0.99);
        recall.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    [Theory]
    [InlineData(DedupStore.Sqlite)]
    [InlineData(DedupStore.Postgres)]
    public async Task StoreAsync_AllArticlesInOneStore_ClustersEachStoryWithItsCopiesOnly(string backend)
    {
        // Arrange: every article in name order through one store, as `newsingest dedup` does.
        await using var store = await DedupStore.CreateAsync(backend, database);
        var storyOf = new Dictionary<string, Guid>(StringComparer.Ordinal);

        // Act
        foreach (var article in PairSet.Articles())
        {
            storyOf[article.Name] = (await store.StoreAsync(article)).StoryId;
        }

        // Assert: a base story, its -syndicated, -edited and -truncated copies share one story; the
        // hard negatives (-other, -update) each stand alone.
        foreach (var (name, story) in storyOf)
        {
            var baseName = BaseName(name);
            var expected = storyOf.Where(entry => BaseName(entry.Key) == baseName).Select(entry => entry.Key).Order(StringComparer.Ordinal);
            var actual = storyOf.Where(entry => entry.Value == story).Select(entry => entry.Key).Order(StringComparer.Ordinal);
            actual.ShouldBe(expected, $"cluster of {name}");
        }
    }

    private static string BaseName(string name)
    {
        foreach (var suffix in new[] { "-syndicated", "-edited", "-truncated", "-shortened" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
