using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class CategoryPhraseTests
{
    private static readonly CategoryLexicon Lexicon = CategoryLexicon.Create();

    [Theory]
    [InlineData("cours du soir")]
    [InlineData("educação de adultos")]
    [InlineData("educazione degli adulti")]
    [InlineData("sign up for classes")]
    public void Phrase_CueOfThreeOrMoreWords_IsFoundWordByWord(string phrase)
    {
        var words = phrase.Split(' ');

        for (var n = 1; n < words.Length; n++)
        {
            Lexicon.PhraseStart(string.Join(' ', words[..n])).ShouldBeTrue();
        }

        Lexicon.Phrase(phrase).Select(m => m.Code).ShouldContain("education");
    }

    [Theory]
    [InlineData("fr", "Des cours du soir pour les adultes", "Dès janvier, des cours du soir de langues seront proposés chaque semaine.")]
    [InlineData("es", "Abren clases nocturnas para adultos", "El ayuntamiento ofrece desde enero clases nocturnas y cursos de idiomas gratuitos.")]
    [InlineData("it", "Tornano i corsi serali", "Il comune organizza corsi serali e corsi di lingua per chi lavora.")]
    [InlineData("en", "Town hall opens night classes", "From January the town hall runs free evening classes and language courses for adults.")]
    public void Apply_AdultClassesArticle_GivesEducationFirst(string language, string title, string body)
    {
        var context = StepRunner.Run(title, [body], typeof(CategoryStep));

        context.Categories[0].Code.ShouldBe("education", language);
    }

    [Fact]
    public void Apply_PhraseSplitBySentenceBreak_DoesNotCount()
    {
        var context = StepRunner.Run("Notes", ["Il y a des cours. Du soir au matin, la ville dort."], typeof(CategoryStep));

        context.Categories.Select(c => c.Code).ShouldNotContain("education");
    }
}
