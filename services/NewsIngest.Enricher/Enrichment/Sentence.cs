namespace NewsIngest.Enricher.Enrichment;

/// <summary>One sentence of the body, with where it sits (paragraph, order in the article).</summary>
public sealed record Sentence(string Text, int Paragraph, int Index);
