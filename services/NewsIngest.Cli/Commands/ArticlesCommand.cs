using System.CommandLine;
using System.Globalization;
using NewsIngest.Cli.Output;
using NewsIngest.Cli.Reading;
using NewsIngest.Cli.Terminal;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Cli.Commands;

/// <summary><c>newsingest articles [ID] [filters]</c>: stored records, newest first, through the store's query API.</summary>
public static class ArticlesCommand
{
    private const int MaxLimit = 100;

    public static Command Create()
    {
        var source = new StoreSource();
        var id = new Argument<Guid?>("id") { Description = "One article's id: print that record whole.", Arity = ArgumentArity.ZeroOrOne };
        var language = new Option<string?>("--language") { Description = "Only this language (ISO 639-1, e.g. en)." };
        var category = new Option<string?>("--category") { Description = "Only this top category (IPTC slug, e.g. economy-business-finance)." };
        var entity = new Option<string?>("--entity") { Description = "Only records that name this entity exactly." };
        var search = new Option<string?>("--search", "-q") { Description = "Full-text search of titles and bodies." };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only records stored since this time (ISO 8601)." };
        var limit = new Option<int>("--limit") { Description = $"How many (1 to {MaxLimit}).", DefaultValueFactory = _ => 20 };
        var cursor = new Option<string?>("--cursor") { Description = "Continue after the page that printed this cursor." };
        var command = new Command("articles", "List stored records (newest first) or print one.") { id, language, category, entity, search, since, limit, cursor };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var reader = source.Open(result);
            var json = result.GetValue(source.Json);
            if (result.GetValue(id) is { } articleId)
            {
                var record = await reader.FindAsync(articleId, cancellationToken)
                    ?? throw CliException.Failure($"no article {articleId} in {reader.Location}");
                CliJson.Write(record);
                return ExitCodes.Ok;
            }

            var count = result.GetValue(limit);
            if (count is < 1 or > MaxLimit)
            {
                throw CliException.Usage($"--limit must be from 1 to {MaxLimit}, got {count}");
            }

            ArticleCursor? after = null;
            if (result.GetValue(cursor) is { } token && !ArticleCursor.TryDecode(token, out after))
            {
                throw CliException.Usage("--cursor is not a cursor printed by 'newsingest articles'");
            }

            var query = new ArticleQuery(result.GetValue(since), result.GetValue(language), result.GetValue(category), result.GetValue(entity), result.GetValue(search), after, count);
            var page = await reader.ListAsync(query, cancellationToken);
            if (json)
            {
                CliJson.Write(page);
                return ExitCodes.Ok;
            }

            var table = new TextTable("stored", "id", "language/category", "words", "title", "source");
            foreach (var record in page.Items)
            {
                table.Add(
                    record.StoredAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    record.ArticleId.ToString(),
                    $"{record.Enrichment.Language}/{record.Category}",
                    record.Enrichment.WordCount.ToString(CultureInfo.InvariantCulture),
                    record.Article.Title,
                    record.Article.Source ?? string.Empty);
            }

            table.Write(Console.Out);
            Console.Error.WriteLine(page.NextCursor is null
                ? $"{page.Items.Count} records from {reader.Location}"
                : $"{page.Items.Count} records from {reader.Location}; more with --cursor {page.NextCursor}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
