using NewsIngest.Testing.Pipeline;

namespace NewsIngest.FaultTests.Faults;

/// <summary>
/// A fault injected into a running pipeline: what breaks, for how long, and how it is ended.
/// </summary>
/// <param name="Name">How the suite's result line names it, e.g. <c>kill -9 store</c>.</param>
/// <param name="Seed">Seed of the scenario's generated articles.</param>
/// <param name="Inject">Breaks something (kills a process, stops the database).</param>
/// <param name="Outage">How long it stays broken: part of the scenario, not a wait for a condition.</param>
/// <param name="Recover">Ends the fault (starts the process again).</param>
/// <param name="DuplicatesAllowed">Records the topic may carry twice: the one record the store had in flight (in the topic, its confirm not yet back) when the store or the broker crashed, else none.</param>
public sealed record Fault(string Name, int Seed, Func<PipelineHarness, Task> Inject, TimeSpan Outage, Func<PipelineHarness, Task> Recover, int DuplicatesAllowed = 0);
