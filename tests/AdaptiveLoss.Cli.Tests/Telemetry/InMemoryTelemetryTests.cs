using System.Diagnostics;
using AdaptiveLoss.Cli.Commands;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.ServiceDefaults;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AdaptiveLoss.Cli.Tests.Telemetry;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessTelemetryCollection
{
    /// <summary>ActivityListeners and MeterListeners are process-wide: this test runs alone and filters by its own ids.</summary>
    public const string Name = "in-process telemetry";
}

/// <summary>
/// Spans and metrics of a run (docs/telemetry.md): a real 2-child run of the CLI in this process (CliApp.RunAsync, <c>--telemetry none</c>, so the only
/// providers are the test's in-memory ones, with the hosts' sources and sampler) against its own results.json.
/// </summary>
[Collection(InProcessTelemetryCollection.Name)]
public sealed class InMemoryTelemetryTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ala-otel-mem-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Run_TwoChildren_SpansCarryTheResultsRewardsUnderOneTraceAndMetricSumsMatch()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var experimentId = $"mem-{Guid.NewGuid():N}"[..16];
        var outDir = Path.Combine(_work, "out");
        int exit;
        var output = new StringWriter();
        var error = new StringWriter();
        using (var tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(TelemetryNames.SourceWildcard, TelemetryHostingExtensions.OrleansApplicationSource, TelemetryHostingExtensions.OrleansRuntimeSource)
            .SetSampler(AdaptiveLossSampler.Create()).AddInMemoryExporter(spans).Build())
        using (var meter = Sdk.CreateMeterProviderBuilder().AddMeter(TelemetryNames.Meter).AddInMemoryExporter(metrics).Build())
        {
            exit = await CliApp.RunAsync(["run", .. ExpectedRun.TinyRun, "--experiment-id", experimentId, "--out", outDir, "--telemetry", "none"],
                output, error);
            tracer.ForceFlush();
            meter.ForceFlush();
        }

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var expected = ExpectedRun.Read(outDir);
        Assert.Equal(4, expected.Windows);

        // One trace: the CLI's root, and nothing else recorded in this process during the run (polls are not traced).
        var root = Assert.Single(spans, s => s.DisplayName == TelemetryNames.Spans.RunExperiment);
        Assert.Equal(experimentId, root.GetTagItem(TelemetryNames.Attributes.ExperimentId));
        Assert.Equal(default, root.ParentSpanId);
        Assert.All(spans, s => Assert.Equal(root.TraceId, s.TraceId));
        var byId = spans.ToDictionary(s => s.SpanId);
        Assert.All(spans.Where(s => s != root), s => Assert.Contains(root.SpanId, Ancestors(s, byId)));

        var windows = Named(spans, TelemetryNames.Spans.TrainWindow);
        Assert.Equal(expected.Windows, windows.Count);
        Assert.All(windows, w => Assert.Equal(TelemetryNames.Spans.TrainChild, byId[w.ParentSpanId].DisplayName));
        Assert.Equal(2, Named(spans, TelemetryNames.Spans.TrainChild).Count);
        Assert.Equal(expected.Windows, Named(spans, TelemetryNames.Spans.DecideActions).Count);
        Assert.Equal(expected.Updates, Named(spans, TelemetryNames.Spans.UpdatePolicy).Count);
        Assert.Contains(spans, s => s.Source.Name == TelemetryHostingExtensions.OrleansApplicationSource);

        // Exactly the rewards of results.json: same count, values and policy versions.
        var counted = windows.Where(w => Equals(w.GetTagItem(TelemetryNames.Attributes.Discarded), false)).Select(Row);
        Assert.Equal(expected.Rewards, ExpectedRun.Sorted(counted));

        var rewardPoints = Points(metrics, TelemetryNames.Instruments.EpisodeReward, TelemetryNames.Attributes.ExperimentId, experimentId);
        Assert.Equal(expected.Rewards.Count, rewardPoints.Sum(p => p.GetHistogramCount()));
        Assert.Equal(expected.Rewards.Sum(r => r.Reward), rewardPoints.Sum(p => p.GetHistogramSum()), 9);
        var updatePoints = Points(metrics, TelemetryNames.Instruments.PolicyUpdates, TelemetryNames.Attributes.PolicyId, experimentId);
        Assert.Equal(expected.Updates, updatePoints.Sum(p => p.GetSumLong()));
        var durations = Points(metrics, TelemetryNames.Instruments.EpisodeDuration, TelemetryNames.Attributes.ExperimentId, experimentId);
        Assert.Equal(expected.Windows, durations.Sum(p => p.GetHistogramCount()));
    }

    private static RewardRow Row(Activity window) => new(
        (string)window.GetTagItem(TelemetryNames.Attributes.ChildId)!, (int)window.GetTagItem(TelemetryNames.Attributes.Episode)!,
        (double)window.GetTagItem(TelemetryNames.Attributes.Reward)!, (long)window.GetTagItem(TelemetryNames.Attributes.PolicyVersion)!);

    private static List<Activity> Named(IEnumerable<Activity> spans, string name) => [.. spans.Where(s => s.DisplayName == name)];

    private static IEnumerable<ActivitySpanId> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            yield return parent;
        }
    }

    // Cumulative temporality: the last export of an instrument holds the run's totals.
    private static List<MetricPoint> Points(List<MetricSnapshot> metrics, string name, string tag, string value)
    {
        var last = metrics.Last(m => m.Name == name);
        return [.. last.MetricPoints.Where(p => HasTag(p, tag, value))];
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }
}
