using NewsIngest.Contracts;
using NewsIngest.Store.Records;

namespace NewsIngest.Store.Tests.Records;

public sealed class ContentFingerprintTests
{
    [Fact]
    public void Of_SameTextRespacedAndRecased_GivesSameKey()
    {
        var a = new ParsedArticle { Title = "Bridge Reopens", Paragraphs = ["The bridge reopened, on Monday.", "Traffic flows."] };
        var b = new ParsedArticle { Title = "bridge  reopens", Paragraphs = ["The bridge reopened on Monday", "Traffic   flows!"] };

        ContentFingerprint.Of(a).ShouldBe(ContentFingerprint.Of(b));
    }

    [Fact]
    public void Of_OneWordChanged_GivesAnotherKey()
    {
        var a = new ParsedArticle { Title = "Bridge Reopens", Paragraphs = ["The bridge reopened on Monday."] };
        var b = a with { Paragraphs = ["The bridge reopened on Tuesday."] };

        ContentFingerprint.Of(a).ShouldNotBe(ContentFingerprint.Of(b));
    }
}
