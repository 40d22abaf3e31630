using System.Collections.Concurrent;
using Polly.Telemetry;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>
/// Listens to the telemetry of the fetcher's resilience pipelines (added to <see cref="TelemetryOptions"/>) and keeps
/// the name of every resilience event they report, e.g. <c>OnRetry</c> once per retry attempt.
/// </summary>
internal sealed class RetryEventRecorder : TelemetryListener
{
    private readonly ConcurrentQueue<string> _events = new();

    /// <summary>Every event name reported so far, in order.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    public int Retries => _events.Count(name => name == "OnRetry");

    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args) => _events.Enqueue(args.Event.EventName);
}
