using System.Globalization;
using System.Text;
using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;

namespace NewsIngest.Enricher.Evaluation;

/// <summary>The enricher's scores on the hard set, per measure, with what it got wrong (see CONVENTIONS.md).</summary>
public sealed class HardSetScore
{
    private readonly List<string> _misses = [];

    private HardSetScore()
    {
    }

    public int Articles { get; private set; }
    public Prf Typed { get; private set; } = new(0, 0, 0);
    public Prf Untyped { get; private set; } = new(0, 0, 0);
    public Ratio Country { get; private set; }
    public Ratio Language { get; private set; }
    public Ratio TopCategory { get; private set; }
    public Ratio TopTwoCategories { get; private set; }
    public Ratio ToneSign { get; private set; }
    public Prf Counts { get; private set; } = new(0, 0, 0);
    public Ratio CountPlace { get; private set; }
    public IReadOnlyList<string> Misses => _misses;

    public static HardSetScore Measure(IReadOnlyList<HardSetArticle> articles, Func<ParsedArticle, ArticleEnrichment> enrich)
    {
        var score = new HardSetScore { Articles = articles.Count };
        var typed = new Tally();
        var untyped = new Tally();
        var counts = new Tally();
        Ratio country = default, language = default, top = default, topTwo = default, tone = default, place = default;
        foreach (var article in articles)
        {
            var result = enrich(article.Article ?? throw new InvalidOperationException($"{article.Id} has no text."));
            var id = article.Id.Length > 12 ? article.Id[..12] : article.Id;
            language = language.Add(result.Language == article.Language);
            if (result.Language != article.Language)
            {
                score._misses.Add($"{id}: language {result.Language} (gold {article.Language})");
            }

            var codes = result.Categories.Select(c => c.Code).ToList();
            var hit = codes.Count > 0 && article.Topics.Contains(codes[0]);
            top = top.Add(hit);
            topTwo = topTwo.Add(codes.Take(2).Any(article.Topics.Contains));
            if (!hit)
            {
                score._misses.Add($"{id}: top category {string.Join(", ", result.Categories.Select(c => $"{c.Code} {c.Score.ToString(CultureInfo.InvariantCulture)}"))} (gold {string.Join(' ', article.Topics)})");
            }

            if (article.Tone != 0)
            {
                var sign = result.Tone is { } t ? Math.Sign(t) : 0;
                tone = tone.Add(sign == article.Tone);
                if (sign != article.Tone)
                {
                    score._misses.Add($"{id}: tone {result.Tone?.ToString(CultureInfo.InvariantCulture) ?? "none"} (gold {(article.Tone > 0 ? "+" : "-")})");
                }
            }

            if (article.EntitiesLabelled)
            {
                MatchEntities(article, result.Entities, true, typed, id, score._misses);
                country = MatchEntities(article, result.Entities, false, untyped, id, null, score._misses).Add(country);
            }

            place = MatchCounts(article, result.Events, counts, id, score._misses).Add(place);
        }

        score.Typed = typed.ToPrf();
        score.Untyped = untyped.ToPrf();
        score.Country = country;
        score.Language = language;
        score.TopCategory = top;
        score.TopTwoCategories = topTwo;
        score.ToneSign = tone;
        score.Counts = counts.ToPrf();
        score.CountPlace = place;
        return score;
    }

    /// <summary>One-to-one matches of predicted to gold entities; returns the country agreement of matched places.</summary>
    private static Ratio MatchEntities(HardSetArticle article, IReadOnlyList<EntityMention> predicted, bool typed, Tally tally, string id, List<string>? misses, List<string>? countryMisses = null)
    {
        var used = new bool[predicted.Count];
        var country = default(Ratio);
        foreach (var gold in article.Entities)
        {
            var index = -1;
            for (var i = 0; i < predicted.Count && index < 0; i++)
            {
                if (!used[i] && (!typed || predicted[i].Type == gold.Type) && Names(predicted[i]).Any(n => gold.Names.Contains(n, StringComparer.OrdinalIgnoreCase)))
                {
                    index = i;
                }
            }

            tally.Gold++;
            if (index < 0)
            {
                misses?.Add($"{id}: missed {gold.Type} {gold.Names[0]}{Found(predicted, gold)}");
                continue;
            }

            used[index] = true;
            tally.Hits++;
            if (gold.Type == EntityTypes.Location && gold.CountryCode is { } code)
            {
                country = country.Add(predicted[index].CountryCode == code);
                if (predicted[index].CountryCode != code)
                {
                    countryMisses?.Add($"{id}: {gold.Names[0]} placed in {predicted[index].CountryCode ?? "none"} (gold {code})");
                }
            }
        }

        for (var i = 0; i < predicted.Count; i++)
        {
            if (used[i] || Names(predicted[i]).All(article.Ignored.Contains))
            {
                continue;
            }

            tally.Predicted++;
            misses?.Add($"{id}: false {predicted[i].Type} {predicted[i].Name}");
        }

        tally.Predicted += used.Count(u => u);
        return country;
    }

    private static string Found(IReadOnlyList<EntityMention> predicted, GoldEntity gold)
    {
        var other = predicted.FirstOrDefault(p => Names(p).Any(n => gold.Names.Contains(n, StringComparer.OrdinalIgnoreCase)));
        return other is null ? string.Empty : $" (found as {other.Type} {other.Name})";
    }

    private static Ratio MatchCounts(HardSetArticle article, IReadOnlyList<EventCount> predicted, Tally tally, string id, List<string> misses)
    {
        var used = new bool[predicted.Count];
        var place = default(Ratio);
        foreach (var gold in article.Counts)
        {
            tally.Gold++;
            var index = Enumerable.Range(0, predicted.Count).FirstOrDefault(i => !used[i] && predicted[i].Kind == gold.Kind && predicted[i].Count == gold.Number, -1);
            if (index < 0)
            {
                misses.Add($"{id}: missed count {gold.Kind} {gold.Number}");
                continue;
            }

            used[index] = true;
            tally.Hits++;
            if (gold.Places.Count > 0)
            {
                var right = predicted[index].Location is { } location && gold.Places.Any(p => location.Contains(p, StringComparison.OrdinalIgnoreCase) || p.Contains(location, StringComparison.OrdinalIgnoreCase));
                place = place.Add(right);
                if (!right)
                {
                    misses.Add($"{id}: count {gold.Kind} {gold.Number} placed at {predicted[index].Location ?? "none"} (gold {string.Join('|', gold.Places)})");
                }
            }
        }

        for (var i = 0; i < predicted.Count; i++)
        {
            tally.Predicted++;
            if (!used[i])
            {
                misses.Add($"{id}: false count {predicted[i].Kind} {predicted[i].Count} in \"{Clip(predicted[i].Sentence)}\"");
            }
        }

        return place;
    }

    private static string Clip(string text) => text.Length > 90 ? text[..90] + "…" : text;

    private static IEnumerable<string> Names(EntityMention e) => e.Aliases.Prepend(e.Name);

    /// <summary>One line per measure, then the misses.</summary>
    public string Report(bool withMisses)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"hard set: {Articles} articles");
        text.AppendLine(CultureInfo.InvariantCulture, $"entities typed      {Typed}");
        text.AppendLine(CultureInfo.InvariantCulture, $"entities untyped    {Untyped}");
        text.AppendLine(CultureInfo.InvariantCulture, $"location->country   {Country}");
        text.AppendLine(CultureInfo.InvariantCulture, $"language            {Language}");
        text.AppendLine(CultureInfo.InvariantCulture, $"top category        {TopCategory}   (gold in top 2: {TopTwoCategories})");
        text.AppendLine(CultureInfo.InvariantCulture, $"tone sign           {ToneSign}");
        text.AppendLine(CultureInfo.InvariantCulture, $"counts              {Counts}   (place right: {CountPlace})");
        if (withMisses)
        {
            foreach (var miss in _misses)
            {
                text.AppendLine(miss);
            }
        }

        return text.ToString();
    }

    public override string ToString() => Report(true);

    private sealed class Tally
    {
        public int Gold { get; set; }
        public int Predicted { get; set; }
        public int Hits { get; set; }

        public Prf ToPrf() => new(Hits, Predicted, Gold);
    }
}

/// <summary>Precision, recall and F1 from hits over predicted and gold.</summary>
public sealed record Prf(int Hits, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 1 : (double)Hits / Predicted;
    public double Recall => Gold == 0 ? 1 : (double)Hits / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"F1 {F1:F3}  P {Precision:F3} ({Hits}/{Predicted})  R {Recall:F3} ({Hits}/{Gold})");
}

/// <summary>A share of right answers.</summary>
public readonly record struct Ratio(int Right, int Total)
{
    public double Value => Total == 0 ? 1 : (double)Right / Total;

    public Ratio Add(bool right) => new(Right + (right ? 1 : 0), Total + 1);

    public Ratio Add(Ratio other) => new(Right + other.Right, Total + other.Total);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:F3} ({Right}/{Total})");
}
