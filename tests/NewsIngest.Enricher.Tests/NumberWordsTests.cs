using NewsIngest.Enricher.Enrichment;

namespace NewsIngest.Enricher.Tests;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData("120", 120)]
    [InlineData("1,200", 1200)]
    [InlineData("1.5 million", 1_500_000)]
    [InlineData("four", 4)]
    [InlineData("twenty-five", 25)]
    [InlineData("a dozen", 12)]
    [InlineData("two hundred and thirty", 230)]
    [InlineData("three thousand", 3000)]
    public void Parse_CountInDigitsOrWords_GivesValue(string text, long expected)
    {
        NumberWords.Parse(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("and")]
    [InlineData("")]
    public void Parse_NoCount_GivesNull(string text)
    {
        NumberWords.Parse(text).ShouldBeNull();
    }
}
