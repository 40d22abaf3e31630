using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class ToneStepTests
{
    private static double? Tone(string language, string title, params string[] paragraphs) =>
        StepRunner.Run(TextArticle.Of(title, paragraphs), language, typeof(ToneStep)).Tone;

    [Fact]
    public void Apply_GrimReport_GivesNegativeTone()
    {
        Tone("en", "Attack kills dozens", "The deadly attack killed dozens and left the town in fear and grief.")!.Value.ShouldBeLessThan(-2);
    }

    [Fact]
    public void Apply_HappyReport_GivesPositiveTone()
    {
        Tone("en", "Village celebrates", "Residents were happy and proud as the beautiful new library won a great award.")!.Value.ShouldBeGreaterThan(2);
    }

    [Fact]
    public void Apply_NegatedWords_FlipPolarity()
    {
        var plain = Tone("en", "Review", "The plan is good and the staff are happy.")!.Value;
        var negated = Tone("en", "Review", "The plan is not good and the staff are not happy.")!.Value;

        negated.ShouldBeLessThan(0);
        plain.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Apply_AnyText_StaysWithinTenEitherWay()
    {
        Tone("en", "Awful", "Terrible horrible awful disaster tragedy death.")!.Value.ShouldBe(-10);
    }

    [Fact]
    public void Apply_FrenchText_UsesTheFrenchLexicon()
    {
        Tone("fr", "Drame", "Un terrible accident a fait des victimes et une grande tristesse.")!.Value.ShouldBeLessThan(0);
    }

    [Fact]
    public void Apply_StrongWordAgainstMildOne_FollowsTheStrongOne()
    {
        // One polar word each way: "catastrophic" (-4 in AFINN) outweighs "fine" (+2).
        Tone("en", "Update", "The weather was fine and the harvest was catastrophic for farmers.")!.Value.ShouldBeLessThan(0);
    }

    [Fact]
    public void Apply_TurnAfterBut_WeighsMoreThanWhatCameBefore()
    {
        var turned = Tone("en", "Report", "Sales were good, but the outlook is poor.")!.Value;
        var plain = Tone("en", "Report", "Sales were good, and the outlook is poor.")!.Value;

        turned.ShouldBeLessThan(plain);
        turned.ShouldBeLessThan(0);
    }

    [Fact]
    public void Apply_NegationScope_EndsAtTheClause()
    {
        // "not" flips "happy" but not "disaster", which lies beyond the comma.
        Tone("en", "Review", "The staff are not happy, a disaster for the firm.")!.Value.ShouldBeLessThan(
            Tone("en", "Review", "The staff are not happy a disaster for the firm.")!.Value);
    }

    [Fact]
    public void Apply_HardNewsWordsMissingFromAfinn_AreNegative()
    {
        Tone("en", "Earthquake", "An earthquake and a landslide left hundreds wounded and thousands displaced.")!.Value.ShouldBeLessThan(-2);
    }

    [Fact]
    public void Apply_NeutralNewsSenseWords_CarryNoTone()
    {
        Tone("en", "Court", "The company backed by investors took legal action, its supporters said.")!.Value.ShouldBe(0);
    }
}
