using System.CommandLine;
using NewsIngest.Cli.Terminal;

namespace NewsIngest.Cli.Reading;

/// <summary>The options that name where <c>articles</c> and <c>stories</c> read from: a database file or a store's API.</summary>
public sealed class StoreSource
{
    /// <summary>Where <c>newsingest run</c> keeps its records unless told otherwise.</summary>
    public const string DefaultDatabase = "newsingest.db";

    public Option<FileInfo?> Database { get; } = new("--db") { Description = $"The embedded store's SQLite file (default ./{DefaultDatabase}, where 'run' writes)." };

    public Option<string?> Api { get; } = new("--api") { Description = "A running store's query API instead, e.g. http://localhost:8080" };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "The store API's key, when it requires one (also NEWSINGEST_API_KEY)." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON instead of a table." };

    public void AddTo(Command command)
    {
        command.Options.Add(Database);
        command.Options.Add(Api);
        command.Options.Add(ApiKey);
        command.Options.Add(Json);
    }

    public IStoreReader Open(ParseResult result)
    {
        if (result.GetValue(Api) is { } api)
        {
            if (result.GetValue(Database) is not null)
            {
                throw CliException.Usage("give --db or --api, not both");
            }

            var uri = InputFile.ParseUrl(api, "--api")!;
            return new ApiStoreReader(uri, result.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("NEWSINGEST_API_KEY"));
        }

        return DatabaseStoreReader.Open(result.GetValue(Database)?.FullName ?? DefaultDatabase);
    }
}
