using System.CommandLine;
using Microsoft.Data.Sqlite;
using NewsIngest.Cli.Output;
using NewsIngest.Contracts;
using NewsIngest.Data;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Records;
using NewsIngest.Store.Stories;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest dedup FILE…</c>: runs the given articles, in order, through the store's own story
/// deduplication against a fresh embedded (SQLite) store, and prints the stories as
/// <c>[{story, files: […]}]</c>.
/// </summary>
public static class DedupCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Plain-text wire articles (or .html pages), in arrival order.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("dedup", "Group articles into stories with the store's deduplication and print the groups as JSON.") { files };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(files)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, CancellationToken cancellationToken)
    {
        var database = Path.Combine(Path.GetTempPath(), $"newsingest-dedup-{Guid.NewGuid():N}.db");
        try
        {
            var repository = new SqlArticleRepository(SqlDialect.Sqlite($"Data Source={database};Pooling=False"));
            await repository.MigrateAsync(cancellationToken);
            var stories = new StoryDeduplicator(repository);
            var groups = new List<StoryGroup>();
            var byStory = new Dictionary<Guid, StoryGroup>();
            foreach (var file in files)
            {
                var story = await StoryOfAsync(stories, file, cancellationToken);
                if (!byStory.TryGetValue(story, out var group))
                {
                    group = new StoryGroup(story.ToString(), []);
                    byStory[story] = group;
                    groups.Add(group);
                }

                group.Files.Add(file);
            }

            CliJson.Write(groups);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    private static async Task<Guid> StoryOfAsync(StoryDeduplicator stories, string file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var kind = InputFormats.Resolve(InputFormat.Auto, file, bytes) == InputFormat.Html ? ArticleSourceKind.Html : ArticleSourceKind.Text;
        var parsed = ArticleInput.Parse(bytes, kind, url: null);
        if (parsed.Article is null)
        {
            Console.Error.WriteLine($"{file}: no article ({parsed.Rejection}); kept as a story of its own");
            return Guid.NewGuid();
        }

        var words = parsed.Article.Paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var record = StoredRecordFactory.Create(
            new ArticleEnriched
            {
                ArticleId = Guid.NewGuid(),
                CorrelationId = Guid.NewGuid(),
                EnrichedAt = DateTimeOffset.UtcNow,
                Article = parsed.Article,
                // Deduplication reads only the text; the language is left undetermined rather than guessed.
                Enrichment = new ArticleEnrichment { Language = "und", LanguageConfidence = 0, WordCount = words, ReadingTimeMinutes = Math.Max(1, words / 230) },
            },
            DateTimeOffset.UtcNow);
        return (await stories.StoreAsync(record, cancellationToken)).StoryId;
    }

    private sealed record StoryGroup(string Story, List<string> Files);
}
