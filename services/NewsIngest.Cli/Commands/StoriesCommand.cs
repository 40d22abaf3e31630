using System.CommandLine;
using System.Globalization;
using NewsIngest.Cli.Output;
using NewsIngest.Cli.Reading;
using NewsIngest.Cli.Terminal;

namespace NewsIngest.Cli.Commands;

/// <summary><c>newsingest stories ID</c>: a story's record and every sighting of it (other feeds, sites, copies).</summary>
public static class StoriesCommand
{
    public static Command Create()
    {
        var source = new StoreSource();
        var id = new Argument<Guid>("id") { Description = "The story's id (the article id of its first record)." };
        var command = new Command("stories", "Print a story and its sightings.") { id };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var reader = source.Open(result);
            var storyId = result.GetValue(id);
            var story = await reader.FindStoryAsync(storyId, cancellationToken)
                ?? throw CliException.Failure($"no story {storyId} in {reader.Location}");
            if (result.GetValue(source.Json))
            {
                CliJson.Write(story);
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine($"story {story.StoryId}: \"{ConsoleText.OneLine(story.Article.Article.Title)}\" ({ConsoleText.OneLine(story.Article.Article.Source)}) {story.Article.Enrichment.Language}/{story.Article.Category}");
            var table = new TextTable("seen", "article", "similarity", "source", "url");
            foreach (var sighting in story.Sightings)
            {
                table.Add(
                    sighting.SeenAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    sighting.ArticleId.ToString(),
                    sighting.Similarity.ToString("0.00", CultureInfo.InvariantCulture),
                    sighting.Source ?? string.Empty,
                    sighting.Url ?? sighting.FeedUrl ?? string.Empty);
            }

            table.Write(Console.Out);
            Console.Error.WriteLine($"{story.Sightings.Count} sightings");
            return ExitCodes.Ok;
        });
        return command;
    }
}
