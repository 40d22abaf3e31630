using NewsIngest.Parser.Extraction;
using Shouldly;
using Xunit;

namespace NewsIngest.Parser.Tests.Extraction;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("  ferry \n\t  vote\u00A0today  ", "ferry vote today")]
    [InlineData("bat\u00ADtery", "battery")]
    [InlineData("har\u200Bbour\uFEFF", "harbour")]
    [InlineData("cafe\u0301", "caf\u00E9")]
    public void Normalize_Text_CollapsesSpaceRemovesInvisiblesComposesNfc(string input, string expected)
    {
        // Act
        var result = TextNormalizer.Normalize(input);

        // Assert
        result.ShouldBe(expected);
    }

    [Theory]
    [InlineData("می\u200Cخواهم")] // Persian: the zero-width non-joiner is part of the spelling.
    [InlineData("क्\u200Dष")] // Devanagari with a zero-width joiner.
    [InlineData("東京の新しいフェリー")]
    [InlineData("Паром вышел в море")]
    [InlineData("👩\u200D🚀")]
    public void Normalize_NonLatinScripts_LeavesThemIntact(string input)
    {
        // Act
        var result = TextNormalizer.Normalize(input);

        // Assert
        result.ShouldBe(input.Normalize(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void Normalize_LoneSurrogate_BecomesReplacementCharacter()
    {
        // Arrange: built in code, attribute data cannot carry invalid UTF-16.
        var input = "lone " + '\uD800' + " surrogate";

        // Act
        var result = TextNormalizer.Normalize(input);

        // Assert
        result.ShouldBe("lone \uFFFD surrogate");
    }
}
