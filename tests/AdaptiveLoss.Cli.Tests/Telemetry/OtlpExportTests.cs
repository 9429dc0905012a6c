using AdaptiveLoss.Cli.Tests.Otlp;
using AdaptiveLoss.Core.Diagnostics;
using OpenTelemetry.Proto.Metrics.V1;
using A = AdaptiveLoss.Core.Diagnostics.TelemetryNames.Attributes;

namespace AdaptiveLoss.Cli.Tests.Telemetry;

/// <summary>
/// OTLP export (docs/telemetry.md): the built <c>ala</c> (and <c>ala-silo</c>) export over real OTLP/HTTP protobuf, configured only by the
/// standard OTEL_EXPORTER_OTLP_* variables, to <see cref="OtlpReceiver"/>, which decodes what arrives.
/// </summary>
public sealed class OtlpExportTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);
    private readonly string _work = Directory.CreateTempSubdirectory("ala-otlp-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Run_OtlpEndpointSet_ReceiverDecodesOneTraceWithTheResultsRewardsAndTheMetrics()
    {
        await using var receiver = OtlpReceiver.Start();
        var outDir = Path.Combine(_work, "out");

        // No --telemetry: OTEL_EXPORTER_OTLP_ENDPOINT alone turns OTLP on.
        var run = await CliProcess.RunAsync(_work, RunTimeout, receiver.Environment("ala"),
            ["run", .. ExpectedRun.TinyRun, "--experiment-id", "otlp-embedded", "--out", outDir]);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        var expected = ExpectedRun.Read(outDir);
        var spans = ReceivedTelemetry.Spans(receiver);
        Assert.All(receiver.Requests, r => Assert.Matches("^POST /v1/(traces|metrics) application/x-protobuf$", r));
        AssertOneTrace(spans, expected, windowService: "ala");
        Assert.All(spans, s => Assert.Equal("ala", s.Service));
        AssertMetrics(receiver, "ala", expected);
        Assert.Contains("Microsoft.Orleans", ReceivedTelemetry.MeterNames(receiver, "ala"));
    }

    [Fact]
    public async Task Run_AgainstAStandaloneSilo_OneTraceAcrossBothProcessesAndMetricsOnlyFromTheSilo()
    {
        await using var receiver = OtlpReceiver.Start();
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(60), receiver.Environment("ala-silo"));
        var outDir = Path.Combine(_work, "out");

        var run = await CliProcess.RunAsync(_work, RunTimeout, receiver.Environment("ala"),
            ["run", .. ExpectedRun.TinyRun, "--cluster", $"localhost:{silo.GatewayPort}", "--experiment-id", "otlp-split", "--out", outDir]);
        var stopped = await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30));

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}\nsilo:\n{silo.Log}");
        Assert.True(stopped, $"the silo did not stop on SIGTERM:\n{silo.Log}");
        var expected = ExpectedRun.Read(outDir);
        var spans = ReceivedTelemetry.Spans(receiver);
        AssertOneTrace(spans, expected, windowService: "ala-silo");
        // The client's grain call is the parent of the silo's server span: the trace crossed the process boundary.
        var clientStart = spans.Single(s => s.Service == "ala" && s.Name == "IExperimentGrain/StartAsync");
        Assert.Contains(spans, s => s.Service == "ala-silo" && s.ParentSpanId == clientStart.SpanId);
        Assert.Equal(["ala", "ala-silo"], spans.Select(s => s.Service).Distinct().Order());
        AssertMetrics(receiver, "ala-silo", expected);
        // Training metrics are recorded where they are born (the silo): the client adds nothing, so nothing counts twice.
        Assert.Empty(ReceivedTelemetry.Metrics(receiver, "ala", TelemetryNames.Instruments.EpisodeReward));
        Assert.Empty(ReceivedTelemetry.Metrics(receiver, "ala", TelemetryNames.Instruments.PolicyUpdates));
    }

    [Fact]
    public async Task Run_TelemetryConsole_PrintsSpansAndMetricsOnStdout()
    {
        var outDir = Path.Combine(_work, "out");

        var run = await CliProcess.RunAsync(_work, RunTimeout, new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null },
            ["run", .. ExpectedRun.TinyRun, "--experiment-id", "console-1", "--out", outDir, "--telemetry", "console"]);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Contains("Activity.DisplayName:        run experiment", run.StandardOutput);
        Assert.Contains("Activity.DisplayName:        train window", run.StandardOutput);
        Assert.Contains("    adaptive_loss.experiment.id: console-1", run.StandardOutput);
        Assert.Contains("Metric Name: adaptive_loss.episode.reward", run.StandardOutput);
        Assert.Contains($"results: {Path.Combine(outDir, "results.json")}", run.StandardOutput);
    }

    [Fact]
    public async Task Silo_BadTelemetry_ExitTwoWithOneLine()
    {
        var result = await CliProcess.RunDllAsync(RepositoryPaths.SiloDll, _work, TimeSpan.FromSeconds(60), new Dictionary<string, string?>(),
            "--telemetry", "bogus");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["ala-silo: --telemetry (Telemetry:Exporter) must be one of none, console, otlp (got 'bogus')"], result.ErrorLines);
    }

    private static void AssertOneTrace(List<ReceivedSpan> spans, ExpectedRun expected, string windowService)
    {
        var root = Assert.Single(spans, s => s.Name == TelemetryNames.Spans.RunExperiment);
        Assert.Equal(("ala", TelemetryNames.ClientSource), (root.Service, root.Scope));
        Assert.Equal(expected.ExperimentId, root.Attribute(A.ExperimentId)?.StringValue);
        Assert.All(spans, s => Assert.Equal(root.TraceId, s.TraceId));

        var windows = spans.Where(s => s.Name == TelemetryNames.Spans.TrainWindow).ToList();
        Assert.Equal(expected.Windows, windows.Count);
        Assert.All(windows, w => Assert.Equal((windowService, TelemetryNames.TrainingSource), (w.Service, w.Scope)));
        var counted = windows.Where(w => w.Attribute(A.Discarded)?.BoolValue == false).Select(w => new RewardRow(
            w.Attribute(A.ChildId)!.StringValue, (int)w.Attribute(A.Episode)!.IntValue, w.Attribute(A.Reward)!.DoubleValue,
            w.Attribute(A.PolicyVersion)!.IntValue));
        Assert.Equal(expected.Rewards, ExpectedRun.Sorted(counted));
        Assert.Equal(2, spans.Count(s => s.Name == TelemetryNames.Spans.TrainChild));
        Assert.Equal(expected.Updates, spans.Count(s => s.Name == TelemetryNames.Spans.UpdatePolicy));
        Assert.Equal(expected.Windows, spans.Count(s => s.Name == TelemetryNames.Spans.DecideActions));
        Assert.Contains(spans, s => s.Scope == "Microsoft.Orleans.Application" && s.Name == "ICoordinatorGrain/DecideAsync");
    }

    // Cumulative temporality: the last export of a metric holds the run's totals.
    private static void AssertMetrics(OtlpReceiver receiver, string service, ExpectedRun expected)
    {
        var reward = ReceivedTelemetry.Metrics(receiver, service, TelemetryNames.Instruments.EpisodeReward).Last();
        Assert.Equal(Metric.DataOneofCase.Histogram, reward.DataCase);
        var rewardPoints = reward.Histogram.DataPoints.Where(p => ReceivedTelemetry.Has(p.Attributes, A.ExperimentId, expected.ExperimentId)).ToList();
        Assert.Equal((ulong)expected.Rewards.Count, rewardPoints.Aggregate(0UL, (n, p) => n + p.Count));
        Assert.Equal(expected.Rewards.Sum(r => r.Reward), rewardPoints.Sum(p => p.Sum), 9);
        var updates = ReceivedTelemetry.Metrics(receiver, service, TelemetryNames.Instruments.PolicyUpdates).Last();
        Assert.Equal(expected.Updates, updates.Sum.DataPoints.Where(p => ReceivedTelemetry.Has(p.Attributes, A.PolicyId, expected.ExperimentId)).Sum(p => p.AsInt));
        Assert.Equal("s", ReceivedTelemetry.Metrics(receiver, service, TelemetryNames.Instruments.EpisodeDuration).Last().Unit);
        Assert.NotEmpty(ReceivedTelemetry.Metrics(receiver, service, TelemetryNames.Instruments.ValidationMetric).Last().Gauge.DataPoints);
    }
}
