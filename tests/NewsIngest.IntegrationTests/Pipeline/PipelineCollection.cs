namespace NewsIngest.IntegrationTests.Pipeline;

/// <summary>The test classes that share one running topology (<see cref="PipelineFixture"/>); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "pipeline";
}
