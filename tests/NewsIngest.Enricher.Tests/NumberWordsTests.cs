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
    [InlineData("tres", 3)]
    [InlineData("treinta y dos", 32)]
    [InlineData("veintidós", 22)]
    [InlineData("doscientos mil", 200_000)]
    [InlineData("ciento veinte", 120)]
    [InlineData("quatre-vingts", 80)]
    [InlineData("quatre-vingt-dix-sept", 97)]
    [InlineData("vingt et un", 21)]
    [InlineData("dreiundzwanzig", 23)]
    [InlineData("zwölf", 12)]
    [InlineData("duecento", 200)]
    [InlineData("três mil", 3000)]
    [InlineData("1.200", 1200)]
    [InlineData("3 millones", 3_000_000)]
    public void Parse_CountInDigitsOrWords_GivesValue(string text, long expected)
    {
        NumberWords.Parse(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("and")]
    [InlineData("un")]
    [InlineData("y")]
    [InlineData("")]
    public void Parse_NoCount_GivesNull(string text)
    {
        NumberWords.Parse(text).ShouldBeNull();
    }
}
