using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsIngest.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>The Prometheus scrape path every service serves.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// OpenTelemetry for the service: traces from MassTransit's <c>ActivitySource</c>, ours, ASP.NET Core, HttpClient
    /// and Npgsql; metrics from MassTransit's meter, ours (<c>NewsIngest.*</c>), ASP.NET Core, HttpClient, Npgsql and the
    /// runtime, served at <c>/metrics</c>; both also exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
    /// (with the standard <c>OTEL_*</c> variables for protocol, headers and intervals; <c>OTEL_METRICS_EXPORTER=none</c>
    /// keeps metrics to <c>/metrics</c> only, e.g. when the OTLP receiver is a trace viewer).
    /// </summary>
    public static IHostApplicationBuilder AddTelemetryDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otlpMetrics = otlp && !string.Equals(builder.Configuration["OTEL_METRICS_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(serviceName, serviceNamespace: "newsingest", serviceVersion: ServiceVersion.Current, serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddSource(TelemetryNames.MassTransit)
                .AddSource(TelemetryNames.Prefix + "*")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperatorEndpoint(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporterWhen(otlp))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames.MassTransit)
                .AddMeter(TelemetryNames.Prefix + "*")
                .AddMeter(TelemetryNames.Npgsql)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter()
                .AddOtlpExporterWhen(otlpMetrics));
        builder.Services.AddCounterBaseline(ClaimCheckMetrics.RecordBaseline);
        builder.Services.AddCounterBaseline(ConsumeFaultMetrics.RecordBaseline);
        return builder;
    }

    /// <summary><c>/metrics</c> in the Prometheus text format.</summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static TracerProviderBuilder AddOtlpExporterWhen(this TracerProviderBuilder tracing, bool enabled) =>
        enabled ? tracing.AddOtlpExporter() : tracing;

    private static MeterProviderBuilder AddOtlpExporterWhen(this MeterProviderBuilder metrics, bool enabled) =>
        enabled ? metrics.AddOtlpExporter() : metrics;

    private static bool IsOperatorEndpoint(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
