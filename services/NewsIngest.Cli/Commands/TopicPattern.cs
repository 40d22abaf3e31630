using System.Text.RegularExpressions;

namespace NewsIngest.Cli.Commands;

/// <summary>AMQP topic matching for records read from the stream: <c>*</c> is one word, <c>#</c> zero or more.</summary>
public static class TopicPattern
{
    public static Regex Compile(string pattern)
    {
        var words = pattern.Split('.').Select(word => word switch
        {
            "#" => @"(?:[^.]+(?:\.[^.]+)*)?",
            "*" => @"[^.]+",
            _ => Regex.Escape(word),
        });
        var expression = string.Join(@"\.", words).Replace(@"\.(?:[^.]+(?:\.[^.]+)*)?", @"(?:\.[^.]+)*", StringComparison.Ordinal);
        return new Regex($"^{expression}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
