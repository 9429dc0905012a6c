using System.Diagnostics;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.ServiceDefaults;
using OpenTelemetry.Trace;

namespace AdaptiveLoss.Cli.Tests.Telemetry;

/// <summary><c>--telemetry</c>, its default from the environment, and the hosts' root sampler.</summary>
public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData("none", TelemetryExporter.None)]
    [InlineData("console", TelemetryExporter.Console)]
    [InlineData("otlp", TelemetryExporter.Otlp)]
    public void Parse_EachName_ItsExporter(string name, TelemetryExporter expected) =>
        Assert.Equal(expected, RunArgumentParser.Parse(["--telemetry", name]).Telemetry);

    [Fact]
    public void Parse_NoFlag_NullSoTheEnvironmentDecides() => Assert.Null(RunArgumentParser.Parse([]).Telemetry);

    [Theory]
    [InlineData("bogus")]
    [InlineData("OTLP")]
    public void Parse_UnknownName_OneLineNamingTheFlagAndValue(string value) =>
        Assert.Equal($"--telemetry must be one of none, console, otlp (got '{value}')",
            Assert.Throws<UsageException>(() => RunArgumentParser.Parse(["--telemetry", value])).Message);

    [Theory]
    [InlineData(null, TelemetryExporter.None)]
    [InlineData("", TelemetryExporter.None)]
    [InlineData("http://collector:4318", TelemetryExporter.Otlp)]
    public void Default_FollowsTheOtlpEndpointVariable(string? endpoint, TelemetryExporter expected) =>
        Assert.Equal(expected, TelemetryExporters.Default(name => name == "OTEL_EXPORTER_OTLP_ENDPOINT" ? endpoint : "x"));

    [Fact]
    public void Sampler_RootsOnlyForTheProjectsSpans_ChildrenFollowTheirParent()
    {
        var sampler = AdaptiveLossSampler.Create();
        var trace = ActivityTraceId.CreateRandom();
        var recorded = new ActivityContext(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var dropped = new ActivityContext(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);

        Assert.All(TelemetryNames.Spans.All, name => Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, default, name)));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, default, "IExperimentGrain/GetStatusAsync"));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, recorded, "IExperimentGrain/GetStatusAsync"));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, dropped, TelemetryNames.Spans.TrainWindow));
    }

    private static SamplingDecision Decide(Sampler sampler, ActivityContext parent, string name) =>
        sampler.ShouldSample(new SamplingParameters(parent, parent == default ? ActivityTraceId.CreateRandom() : parent.TraceId, name, ActivityKind.Internal)).Decision;
}
