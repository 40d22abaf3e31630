using NewsIngest.Enricher.Enrichment;

namespace NewsIngest.Enricher.Tests;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_AbbreviationsAndInitials_DoNotEndSentences()
    {
        var sentences = SentenceSplitter.Split("Dr. Jane Smith met U.S. officials and J. R. Brown on Monday. They agreed! Did they?");

        sentences.ShouldBe(["Dr. Jane Smith met U.S. officials and J. R. Brown on Monday.", "They agreed!", "Did they?"]);
    }

    [Fact]
    public void Split_ClosingQuote_StaysWithItsSentence()
    {
        var sentences = SentenceSplitter.Split("He said: “We will win.” The crowd cheered.");

        sentences.ShouldBe(["He said: “We will win.”", "The crowd cheered."]);
    }

    [Fact]
    public void Split_DecimalNumber_IsNotABoundary()
    {
        var sentences = SentenceSplitter.Split("Growth was 2.5 percent in May. Prices rose.");

        sentences.Count.ShouldBe(2);
    }
}
