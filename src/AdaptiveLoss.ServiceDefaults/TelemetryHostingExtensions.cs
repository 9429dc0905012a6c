using AdaptiveLoss.Core.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdaptiveLoss.ServiceDefaults;

/// <summary>Registers OpenTelemetry tracing and metrics for ala and ala-silo (style §7.11).</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>Orleans' grain-call spans (client and server side).</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Orleans' runtime spans; only those inside an experiment's trace are kept (see <see cref="AdaptiveLossSampler"/>).</summary>
    public const string OrleansRuntimeSource = "Microsoft.Orleans.Runtime";

    /// <summary>Orleans' meter (messaging, activations, ...).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Adds tracing (sources <c>AdaptiveLoss.*</c> and Orleans' application and runtime sources, sampled by
    /// <see cref="AdaptiveLossSampler"/>) and metrics (meters <c>AdaptiveLoss</c> and <c>Microsoft.Orleans</c>) exported by
    /// <paramref name="exporter"/>; nothing for <see cref="TelemetryExporter.None"/>. The providers live in the host's
    /// services, so disposing the host flushes every span and metric still buffered. OTLP reads the standard
    /// <c>OTEL_EXPORTER_OTLP_*</c> variables, copied into the configuration when the host does not read the environment.
    /// </summary>
    public static IHostApplicationBuilder AddAdaptiveLossTelemetry(this IHostApplicationBuilder builder, TelemetryExporter exporter,
        string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (exporter == TelemetryExporter.None)
        {
            return builder;
        }

        builder.Configuration.AddInMemoryCollection(TelemetryExporters.OtelVariables());
        builder.Services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, override the default service name.
            .ConfigureResource(resource => resource.AddService(serviceName).AddEnvironmentVariableDetector())
            .WithTracing(tracing =>
            {
                tracing.AddSource(TelemetryNames.SourceWildcard, OrleansApplicationSource, OrleansRuntimeSource)
                    .SetSampler(AdaptiveLossSampler.Create());
                _ = exporter == TelemetryExporter.Console ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Meter, OrleansMeter);
                _ = exporter == TelemetryExporter.Console ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter();
            });
        return builder;
    }
}
