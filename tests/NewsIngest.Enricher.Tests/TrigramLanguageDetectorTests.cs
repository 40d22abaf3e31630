using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Tests.Support;

namespace NewsIngest.Enricher.Tests;

public sealed class TrigramLanguageDetectorTests
{
    [Theory]
    [InlineData("el", "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία της χώρας.")]
    [InlineData("ja", "東京で新しい駅が開業し、多くの人が訪れました。")]
    [InlineData("zh", "政府今天宣布了新的经济政策，以支持中小企业发展。")]
    [InlineData("ko", "정부는 오늘 새로운 경제 정책을 발표했다.")]
    [InlineData("uk", "Уряд оголосив нові заходи щодо підтримки економіки країни.")]
    [InlineData("pt", "O governo anunciou hoje novas medidas para apoiar a economia do país.")]
    [InlineData("es", "El gobierno anunció hoy nuevas medidas para apoyar la economía del país.")]
    public void Detect_SentenceInLanguage_GivesItsCode(string expected, string text)
    {
        var found = TestEnrichment.Detector.Detect(text);

        found.ShouldNotBeNull();
        found.Value.Code.ShouldBe(expected);
        found.Value.Confidence.ShouldBeInRange(0.5, 1.0);
    }

    [Fact]
    public void Detect_NoLetters_GivesNull()
    {
        TestEnrichment.Detector.Detect("12 345 — 678 !").ShouldBeNull();
    }

    [Fact]
    public void Languages_AreTheNewsLanguages()
    {
        TestEnrichment.Detector.Languages.Order().ShouldBe(NewsLanguages.All.Select(l => l.Code).Order());
    }
}
