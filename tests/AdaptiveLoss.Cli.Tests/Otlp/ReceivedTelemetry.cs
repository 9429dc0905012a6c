using Google.Protobuf;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace AdaptiveLoss.Cli.Tests.Otlp;

/// <summary>A decoded span with the service (resource) and instrumentation scope it came from.</summary>
internal sealed record ReceivedSpan(string Service, string Scope, Span Span)
{
    public string Name => Span.Name;

    public string TraceId => Span.TraceId.ToBase64();

    public string SpanId => Span.SpanId.ToBase64();

    public string ParentSpanId => Span.ParentSpanId.ToBase64();

    public AnyValue? Attribute(string key) => Span.Attributes.FirstOrDefault(a => a.Key == key)?.Value;
}

/// <summary>Flattening and lookups over what the <see cref="OtlpReceiver"/> decoded.</summary>
internal static class ReceivedTelemetry
{
    public static List<ReceivedSpan> Spans(OtlpReceiver receiver) =>
        [.. from request in receiver.Traces
            from resource in request.ResourceSpans
            from scope in resource.ScopeSpans
            from span in scope.Spans
            select new ReceivedSpan(ServiceOf(resource.Resource.Attributes), scope.Scope.Name, span)];

    /// <summary>Every exported version of metric <paramref name="name"/> from <paramref name="service"/>, in arrival order.</summary>
    public static List<Metric> Metrics(OtlpReceiver receiver, string service, string name) =>
        [.. from request in receiver.Metrics
            from resource in request.ResourceMetrics
            where ServiceOf(resource.Resource.Attributes) == service
            from scope in resource.ScopeMetrics
            from metric in scope.Metrics
            where metric.Name == name
            select metric];

    /// <summary>The scope names of every metric that arrived from <paramref name="service"/>.</summary>
    public static HashSet<string> MeterNames(OtlpReceiver receiver, string service) =>
        [.. from request in receiver.Metrics
            from resource in request.ResourceMetrics
            where ServiceOf(resource.Resource.Attributes) == service
            from scope in resource.ScopeMetrics
            select scope.Scope.Name];

    public static bool Has(IEnumerable<KeyValue> attributes, string key, string value) =>
        attributes.Any(a => a.Key == key && a.Value.StringValue == value);

    private static string ServiceOf(IEnumerable<KeyValue> attributes) =>
        attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? "";
}
