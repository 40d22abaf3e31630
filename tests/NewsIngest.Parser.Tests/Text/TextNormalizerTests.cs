using NewsIngest.Parser.Extraction;

namespace NewsIngest.Parser.Tests.Text;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Clean_SoftHyphensZeroWidthAndRuns_AreRemovedOrFolded()
    {
        TextNormalizer.Normalize("  news\u00ADpaper \u200Bnow\t\n here ").ShouldBe("newspaper now here");
    }

    [Fact]
    public void Clean_DecomposedAccent_IsComposedToNfc()
    {
        TextNormalizer.Normalize("Cafe\u0301").ShouldBe("Caf\u00E9");
    }

    [Fact]
    public void Clean_ZeroWidthNonJoiner_IsKeptForPersianAndUrdu()
    {
        TextNormalizer.Normalize("می\u200Cخواهم").ShouldBe("می\u200Cخواهم");
    }
}
