namespace NewsIngest.Testing;

/// <summary>One span as an OTLP exporter sent it: ids as lower-case hex, the exporting service from its resource.</summary>
public sealed record OtlpSpan(string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, string Scope, IReadOnlyDictionary<string, string> Attributes);
