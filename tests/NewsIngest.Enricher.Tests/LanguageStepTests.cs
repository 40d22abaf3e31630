using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class LanguageStepTests
{
    private static EnrichmentContext Run(string title, params string[] paragraphs)
    {
        var context = new EnrichmentContext(TextArticle.Of(title, paragraphs));
        new LanguageStep(TestEnrichment.Detector).Apply(context);
        return context;
    }

    [Theory]
    [InlineData("en", "Storm closes schools", "Heavy snow forced the council to close every school in the district on Tuesday, officials said.")]
    [InlineData("fr", "La tempête ferme les écoles", "De fortes chutes de neige ont obligé le conseil à fermer toutes les écoles du district mardi, selon les autorités.")]
    [InlineData("de", "Sturm schließt Schulen", "Starker Schneefall zwang den Rat am Dienstag, alle Schulen im Bezirk zu schließen, teilten die Behörden mit.")]
    [InlineData("es", "La tormenta cierra las escuelas", "Las fuertes nevadas obligaron al consejo a cerrar todas las escuelas del distrito el martes, según las autoridades.")]
    [InlineData("it", "La tempesta chiude le scuole", "Le forti nevicate hanno costretto il consiglio a chiudere tutte le scuole del distretto martedì, hanno detto le autorità.")]
    [InlineData("pt", "Tempestade fecha escolas", "A forte nevasca obrigou o conselho a fechar todas as escolas do distrito na terça-feira, disseram as autoridades.")]
    [InlineData("nl", "Storm sluit scholen", "Door zware sneeuwval moest de gemeente dinsdag alle scholen in het district sluiten, aldus de autoriteiten.")]
    [InlineData("pl", "Burza zamyka szkoły", "Obfite opady śniegu zmusiły radę do zamknięcia we wtorek wszystkich szkół w powiecie, poinformowały władze.")]
    [InlineData("sk", "Búrka zatvorila školy", "Silné sneženie prinútilo radu v utorok zatvoriť všetky školy v okrese, uviedli úrady.")]
    [InlineData("ru", "Буря закрыла школы", "Сильный снегопад вынудил совет во вторник закрыть все школы в районе, сообщили власти.")]
    [InlineData("ar", "العاصفة تغلق المدارس", "أجبرت الثلوج الكثيفة المجلس على إغلاق جميع المدارس في المنطقة يوم الثلاثاء، بحسب السلطات.")]
    public void Apply_TextInLanguage_GivesIsoCodeWithConfidence(string expected, string title, string body)
    {
        var context = Run(title, body);

        context.Language.ShouldBe(expected);
        context.LanguageConfidence.ShouldBeInRange(0.5, 1.0);
    }

    [Fact]
    public void Apply_TooLittleText_GivesUnd()
    {
        var context = Run("Ok", "Yes.");

        context.Language.ShouldBe("und");
        context.LanguageConfidence.ShouldBe(0);
    }
}
