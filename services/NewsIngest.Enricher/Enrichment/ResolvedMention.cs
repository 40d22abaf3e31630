namespace NewsIngest.Enricher.Enrichment;

/// <summary>Where in the body an entity was named: sentence, character span, and the words used.</summary>
public sealed record ResolvedMention(string Name, string Type, int Sentence, int Start, int End, string Surface, bool IsCountry, bool IsDateline = false);
