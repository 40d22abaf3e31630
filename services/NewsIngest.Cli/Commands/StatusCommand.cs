using System.CommandLine;
using NewsIngest.Cli.Output;
using NewsIngest.Cli.Status;
using NewsIngest.Cli.Terminal;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest status</c>: one screen with each queue's depth, consumers and rates, the error queues, each feed's last
/// poll and next poll, the store's totals and outbox backlog; <c>--json</c> for scripts, <c>--watch</c> to refresh.
/// Exit code 0 when every source answered, 1 when one did not (what the others said is still printed).
/// </summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var management = new Option<string>("--management") { Description = "RabbitMQ management API, credentials in the URL.", DefaultValueFactory = _ => "http://guest:guest@localhost:15672/" };
        var vhost = new Option<string>("--vhost") { Description = "The broker's virtual host.", DefaultValueFactory = _ => "/" };
        var fetcher = new Option<string>("--fetcher") { Description = "The fetcher's HTTP address.", DefaultValueFactory = _ => "http://localhost:8081/" };
        var store = new Option<string>("--store") { Description = "The store's HTTP address.", DefaultValueFactory = _ => "http://localhost:8084/" };
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON document." };
        var watch = new Option<bool>("--watch") { Description = "Refresh until interrupted (Ctrl+C)." };
        var interval = new Option<TimeSpan>("--interval") { Description = "Refresh interval with --watch.", DefaultValueFactory = _ => TimeSpan.FromSeconds(5) };
        var command = new Command("status", "Show queues, feeds, store totals and the outbox backlog of a running system.") { management, vhost, fetcher, store, json, watch, interval };
        command.SetAction((result, cancellationToken) =>
        {
            var addresses = new[] { ("--management", result.GetValue(management)!), ("--fetcher", result.GetValue(fetcher)!), ("--store", result.GetValue(store)!) }
                .Select(option => (option.Item1, Address: Uri.TryCreate(option.Item2, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? Slash(uri) : null, Text: option.Item2))
                .ToList();
            if (addresses.FirstOrDefault(a => a.Address is null) is { Item1: not null } bad)
            {
                Console.Error.WriteLine($"newsingest status: {bad.Item1} '{bad.Text}' is not an http(s) URL");
                return Task.FromResult(ExitCodes.Usage);
            }

            return RunAsync(
                new StatusSources(addresses[0].Address!, result.GetValue(vhost)!, addresses[1].Address!, addresses[2].Address!),
                result.GetValue(json),
                result.GetValue(watch),
                result.GetValue(interval),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(StatusSources sources, bool json, bool watch, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var collector = new StatusCollector(http, sources);
        while (true)
        {
            var status = await collector.CollectAsync(cancellationToken);
            if (watch && !json && !Console.IsOutputRedirected)
            {
                Console.Clear();
            }

            if (json)
            {
                CliJson.Write(status);
            }
            else
            {
                StatusPrinter.Print(status, Console.Out);
            }

            if (!watch)
            {
                return status.Complete ? ExitCodes.Ok : ExitCodes.Failure;
            }

            try
            {
                await Task.Delay(interval < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }
        }
    }

    private static Uri Slash(Uri address) => address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
