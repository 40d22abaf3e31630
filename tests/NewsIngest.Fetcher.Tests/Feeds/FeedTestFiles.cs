using System.Text;
using NewsIngest.Fetcher.Feeds;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Feeds;

/// <summary>Locates the repository (the folder holding NewsIngest.sln) and the test feeds in and beside it.</summary>
internal static class FeedTestFiles
{
    static FeedTestFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DirectoryInfo RepositoryRoot() => new(RepositoryPaths.Root);

    /// <summary>The shared feed-dev suite: the repository root's parent + shared/feed-dev.</summary>
    public static string FeedDevDirectory() => Path.Combine(RepositoryPaths.SharedData, "feed-dev");

    public static byte[] CorpusBytes(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot().FullName, "tests", "NewsIngest.Fetcher.Tests", "Feeds", "Corpus", name));

    public static FeedDocument ParseCorpus(string name, string? location = null, string? contentType = null) =>
        FeedParser.Parse(CorpusBytes(name), contentType, location is null ? null : new Uri(location));

    public static FeedDocument ParseText(string xml, string? location = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, location is null ? null : new Uri(location));

    public static Encoding GetEncoding(int codePage) => Encoding.GetEncoding(codePage);
}
