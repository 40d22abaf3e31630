namespace NewsIngest.Enricher.Enrichment;

public static class EntityTypes
{
    public const string Person = "PERSON";
    public const string Organization = "ORGANIZATION";
    public const string Location = "LOCATION";
}
