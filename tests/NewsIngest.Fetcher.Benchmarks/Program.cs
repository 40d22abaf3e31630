using NewsIngest.Fetcher.Benchmarks;

// dotnet run -c Release --project tests/NewsIngest.Fetcher.Benchmarks -- [parse] [poll] [--feeds N] [--items N]
var feeds = Arguments.Int(args, "--feeds", 1000);
var items = Arguments.Int(args, "--items", 20);
var all = !args.Contains("parse") && !args.Contains("poll");
if (all || args.Contains("parse"))
{
    ParseThroughput.Run(TimeSpan.FromSeconds(3));
}

if (all || args.Contains("poll"))
{
    await PollCycleBenchmark.RunAsync(feeds, items);
}
