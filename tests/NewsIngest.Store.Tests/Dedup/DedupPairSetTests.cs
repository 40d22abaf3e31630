using NewsIngest.Store.Dedup;

namespace NewsIngest.Store.Tests.Dedup;

public sealed class DedupPairSetTests(ITestOutputHelper output)
{
    [Fact]
    public void FindMatch_OnLabelledPairsBothWays_KeepsPrecisionAndRecallFloors()
    {
        // Arrange
        var pairs = PairSet.Load();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;

        // Act: each pair in both orders, the first stored in a fresh index, the second looked up.
        foreach (var pair in pairs)
        {
            foreach (var (stored, incoming) in new[] { (pair.First, pair.Second), (pair.Second, pair.First) })
            {
                var index = new StoryIndex();
                index.Add(Guid.NewGuid(), stored.Fingerprint());
                var match = index.FindMatch(incoming.Fingerprint());
                _ = (pair.Same, match is not null) switch
                {
                    (true, true) => truePositives++,
                    (false, true) => falsePositives++,
                    (true, false) => falseNegatives++,
                    (false, false) => trueNegatives++,
                };
                if (pair.Same != match is not null)
                {
                    output.WriteLine($"wrong: {pair.Kind}: {stored.Name} -> {incoming.Name} ({match})");
                }
            }
        }

        var precision = (double)truePositives / Math.Max(1, truePositives + falsePositives);
        var recall = (double)truePositives / Math.Max(1, truePositives + falseNegatives);
        output.WriteLine($"{pairs.Count} pairs, both orders: TP {truePositives} FP {falsePositives} FN {falseNegatives} TN {trueNegatives}; precision {precision:F3}, recall {recall:F3}");

        // Assert
        pairs.Count.ShouldBeGreaterThanOrEqualTo(40);
        precision.ShouldBeGreaterThanOrEqualTo(0.99);
        recall.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void FindMatch_AllArticlesInOneIndex_ClustersEachStoryWithItsCopiesOnly()
    {
        // Arrange: every article in name order through one index, as `newsingest dedup` does.
        var index = new StoryIndex();
        var storyOf = new Dictionary<string, Guid>(StringComparer.Ordinal);

        // Act
        foreach (var article in PairSet.Articles())
        {
            var newStory = Guid.NewGuid();
            storyOf[article.Name] = index.FindOrAdd(newStory, article.Fingerprint())?.StoryId ?? newStory;
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
