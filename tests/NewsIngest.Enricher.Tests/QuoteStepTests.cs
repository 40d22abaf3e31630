using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class QuoteStepTests
{
    private static IReadOnlyList<Quote> Quotes(params string[] paragraphs) =>
        StepRunner.Run("Report", paragraphs, typeof(EntityStep), typeof(QuoteStep)).Quotes;

    [Fact]
    public void Apply_ToldThat_GivesSpeakerBeforeTheQuote()
    {
        var quote = Quotes("Party spokesman Omar Haddad told Reuters that “the talks will go on despite the attack.”").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("Omar Haddad");
        quote.Text.ShouldBe("the talks will go on despite the attack.");
    }

    [Fact]
    public void Apply_SaidAfterTheQuote_GivesSpeakerAfterIt()
    {
        var quotes = Quotes(
            "“We will rebuild every house in this valley,” said Governor Maria Lindqvist.",
            "“It will take years, not months,” she added.");

        quotes.Count.ShouldBe(2);
        quotes.ShouldAllBe(q => q.Speaker == "Maria Lindqvist");
    }

    [Fact]
    public void Apply_ScareQuotes_AreNotQuotes()
    {
        Quotes("The “so-called” reform was criticised by Anna Berg.").ShouldBeEmpty();
    }

    [Fact]
    public void Apply_QuoteWithoutAttribution_IsSkipped()
    {
        Quotes("The banner read “no more war in our land”.").ShouldBeEmpty();
    }
}
