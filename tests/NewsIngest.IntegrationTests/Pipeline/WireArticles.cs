namespace NewsIngest.IntegrationTests.Pipeline;

/// <summary>Plain-text wire articles written for these tests; a serial number keeps each text unique.</summary>
public static class WireArticles
{
    private static int _serial;

    public static (string Title, string Text) Create(string topic)
    {
        var n = Interlocked.Increment(ref _serial) + (Environment.ProcessId % 1000 * 100);
        var title = $"Council Approves Plan Number {n} for the {topic}";
        var text = $"""
            {title}
            The town council approved plan number {n} for the {topic} on Tuesday evening after a long debate that ran past midnight.
            Supporters said the plan would bring new jobs to the district and make daily life easier for families who live near the {topic}.
            Critics argued that the cost, estimated at {n * 3} thousand dollars, was too high for a town of this size and asked for a public vote.
            The mayor promised that work would begin in the spring and that residents would be able to follow its progress on the council website.
            Source: Integration Test Wire
            """;
        return (title, text);
    }
}
