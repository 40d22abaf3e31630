using NewsIngest.Parser.Extraction;

namespace NewsIngest.Parser.Tests.Extraction;

/// <summary>The node scorer: which elements count as paragraphs and so credit their ancestors.</summary>
public sealed class ContentScorerTests
{
    private static readonly (string Label, string Link)[] SideBoxes =
    [
        ("High water at the landing today", "06:12"),
        ("Low water at the landing today", "12:40"),
        ("Today's weather on the strait", "Showers"),
        ("Next crossing from the island", "14:20"),
        ("Picture of the day, from the pier", "Gulls"),
        ("This week's lantern walk on the sea wall", "Friday"),
        ("Letters to the editor, this week", "Car park"),
        ("Quiz of the day: how long is the strait?", "Answer"),
    ];

    private readonly ArticleExtractor _extractor = new();

    [Fact]
    public void Extract_TableLayoutWithStoryCellBesideLinkBoxColumn_LeavesTheColumnOut()
    {
        // Arrange: a page laid out in one table row: the story's cell, a spacer cell, then a column of boxes, each a
        // bold label over a link. Both big cells hold blocks (paragraphs, tables), so neither is itself a paragraph.
        var boxes = string.Concat(SideBoxes.Select((b, i) =>
            $"<tr><td bgcolor=\"#eef\"><b><font size=\"-1\">{b.Label}</font></b><br>\n<br>\n<a href=\"/box/{i}\"><font size=\"-1\">{b.Link}</font></a></td></tr>\n"));
        var story = string.Concat(SamplePages.StoryParagraphs.Select(p => $"<p>{p}</p>\n"));
        var page = $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Easthaven votes for a new ferry</title></head>
            <body>
            <table width="100%"><tr>
            <td valign="top"><table><tr><td><font size="+2">Easthaven votes for a new ferry</font></td></tr></table>
            {story}<p align="center">The end</p></td>
            <td width="10"><img src="/spacer.gif" width="1" height="1"></td>
            <td width="166" valign="top"><table width="166">{boxes}</table></td>
            </tr></table>
            </body>
            </html>
            """;

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry.htm"));

        // Assert
        article.Text.ShouldContain(SamplePages.StoryParagraphs[0]);
        article.Text.ShouldContain(SamplePages.StoryParagraphs[^1]);
        article.Text.ShouldNotContain("High water");
        article.Text.ShouldNotContain("lantern walk");
    }
}
