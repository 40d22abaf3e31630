namespace NewsIngest.IntegrationTests.Pipeline;

/// <summary>
/// Plain-text wire articles written for these tests. Every call gives a different story — its sentences are
/// drawn from word lists by a seeded random — so the store's near-duplicate detection sees distinct texts.
/// </summary>
public static class WireArticles
{
    private static readonly string[] People = ["The mayor", "A local teacher", "The harbour master", "Two nurses", "The county engineer", "A retired pilot", "The school board", "Several shop owners", "The fire chief", "A group of students", "The museum director", "Three farmers"];
    private static readonly string[] Verbs = ["welcomed", "questioned", "inspected", "praised", "criticised", "measured", "repaired", "photographed", "visited", "opened", "cleaned", "painted"];
    private static readonly string[] Things = ["the new bridge", "the old library", "a flooded road", "the railway station", "a community garden", "the sports hall", "the river bank", "a broken water main", "the town square", "the night market", "a wind farm", "the cycling path"];
    private static readonly string[] Times = ["on Monday morning", "late on Tuesday", "after a long meeting", "before the weekend", "during a heavy storm", "at dawn on Friday", "last winter", "earlier this month"];
    private static readonly string[] Outcomes = ["and promised a full report next spring", "while neighbours watched from their windows", "although the budget remains uncertain", "and asked residents for patience", "as traffic slowed along the main street", "to the surprise of many visitors"];

    private static int _serial;

    public static (string Title, string Text) Create(string topic)
    {
        var serial = Interlocked.Increment(ref _serial) + (Environment.ProcessId % 1000 * 100);
        var random = new Random(serial);
        var title = $"{Pick(random, People)} {Pick(random, Verbs)} {Pick(random, Things)} near the {topic} ({serial})";
        var paragraphs = Enumerable.Range(0, 4).Select(_ => string.Join(' ', Enumerable.Range(0, 3).Select(_ => Sentence(random, topic))));
        var text = $"{title}\n{string.Join('\n', paragraphs)}\nSource: Integration Test Wire\n";
        return (title, text);
    }

    private static string Sentence(Random random, string topic) =>
        $"{Pick(random, People)} {Pick(random, Verbs)} {Pick(random, Things)} by the {topic} {Pick(random, Times)} {Pick(random, Outcomes)}, {random.Next(2, 900)} people said.";

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
