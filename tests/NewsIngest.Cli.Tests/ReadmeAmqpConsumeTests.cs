using System.Text;
using RabbitMQ.Client;

namespace NewsIngest.Cli.Tests;

/// <summary>The README's <c>amqp-consume</c> line, run as written (only the broker's address and credentials swapped in).</summary>
public sealed class ReadmeAmqpConsumeTests(BrokerFixture broker)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ReadmeAmqpConsumeLine_AgainstARealBroker_ReceivesARecord()
    {
        var node = broker.Node;
        var line = File.ReadLines(Path.Combine(RepositoryPaths.Root, "README.md")).Single(l => l.StartsWith("amqp-consume ", StringComparison.Ordinal));
        line.ShouldContain("amqp://user:pass@localhost:5672");
        var words = ShellWords(line.Replace("amqp://user:pass@localhost:5672", $"amqp://{node.UserName}:{node.Password}@{node.Host}:{node.Port}", StringComparison.Ordinal));
        var factory = node.CreateConnectionFactory();
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync("news.articles", ExchangeType.Topic, durable: true);

        await using var consumer = ServiceProcess.Start(words[0], words.Skip(1));
        var body = """{"articleId":"7d4d4f8e-0000-8000-8000-000000000001","article":{"title":"Readme Line Works"}}""";
        await Eventually.UntilAsync(
            async () =>
            {
                // amqp-consume binds its queue once connected: publish until a copy arrives.
                await channel.BasicPublishAsync("news.articles", "article.stored.en.society", Encoding.UTF8.GetBytes(body));
                return consumer.Lines.Any(l => l.Contains("Readme Line Works", StringComparison.Ordinal));
            },
            Deadline,
            "amqp-consume, started with the README's line, prints a record published with a matching key");
    }

    private static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
