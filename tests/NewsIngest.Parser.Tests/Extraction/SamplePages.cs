namespace NewsIngest.Parser.Tests.Extraction;

/// <summary>Small pages written for these tests: a story about a fictional harbour town's new ferry.</summary>
internal static class SamplePages
{
    public static readonly string[] StoryParagraphs =
    [
        "The harbour council of Easthaven voted on Tuesday to replace the town's forty-year-old ferry, ending a debate that had run for most of the decade.",
        "Councillors approved a budget of 12 million, which will pay for a battery-powered vessel able to carry 300 passengers and 40 cars on each crossing.",
        "Residents on the island side of the strait, many of whom commute daily, had complained that breakdowns left them stranded twice last winter.",
        "The new ferry is expected to enter service in the spring of next year, after sea trials that the shipyard says will take about eight weeks.",
    ];

    /// <summary>A page with the story in an article element, surrounded by <paramref name="extraBody"/> and <paramref name="insideArticle"/>.</summary>
    public static string Story(string head = "", string insideArticle = "", string extraBody = "", string bodyAttributes = "")
    {
        var paragraphs = string.Concat(StoryParagraphs.Select(p => $"<p>{p}</p>\n"));
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Easthaven votes for a new ferry | Harbour Gazette</title>{head}</head>
            <body{bodyAttributes}>
            <header class="site-header"><a href="/">Harbour Gazette</a></header>
            <main>
            <article>
            <h1>Easthaven votes for a new ferry</h1>
            {paragraphs}
            {insideArticle}
            </article>
            </main>
            {extraBody}
            </body>
            </html>
            """;
    }
}
