using System.Reflection;
using AdaptiveLoss.Core.Diagnostics;

namespace AdaptiveLoss.Core.Tests.Diagnostics;

/// <summary>The names are a contract with dashboards and docs/telemetry.md: checked exactly.</summary>
public sealed class TelemetryNamesTests
{
    [Fact]
    public void Sources_AndMeter_HaveTheStyleGuidesNames()
    {
        Assert.Equal("AdaptiveLoss.Client", TelemetryNames.ClientSource);
        Assert.Equal("AdaptiveLoss.Coordinator", TelemetryNames.CoordinatorSource);
        Assert.Equal("AdaptiveLoss.Training", TelemetryNames.TrainingSource);
        Assert.Equal("AdaptiveLoss.*", TelemetryNames.SourceWildcard);
        Assert.Equal("AdaptiveLoss", TelemetryNames.Meter);
        Assert.Equal(TelemetryNames.ClientSource, AdaptiveLossTelemetry.Client.Name);
        Assert.Equal(TelemetryNames.CoordinatorSource, AdaptiveLossTelemetry.Coordinator.Name);
        Assert.Equal(TelemetryNames.TrainingSource, AdaptiveLossTelemetry.Training.Name);
        Assert.Equal(TelemetryNames.Meter, AdaptiveLossTelemetry.Meter.Name);
    }

    [Fact]
    public void Spans_AreVerbObjectAndAllListsEachOnce()
    {
        Assert.Equal(["run experiment", "train child", "train window", "decide actions", "update policy", "observe round"],
            TelemetryNames.Spans.All);
        Assert.Equal(Constants(typeof(TelemetryNames.Spans)).Order(), TelemetryNames.Spans.All.Order());
        Assert.All(TelemetryNames.Spans.All, name => Assert.Matches("^[a-z]+ [a-z]+$", name));
    }

    [Fact]
    public void AttributesAndInstruments_AreNamespacedSnakeCaseAndDistinct()
    {
        var attributes = Constants(typeof(TelemetryNames.Attributes));
        var instruments = Constants(typeof(TelemetryNames.Instruments));

        Assert.All(attributes.Concat(instruments), name => Assert.Matches(@"^adaptive_loss(\.[a-z_]+)+$", name));
        Assert.Equal(attributes.Count, attributes.Distinct().Count());
        Assert.Equal(instruments.Count, instruments.Distinct().Count());
        Assert.Equal("adaptive_loss.experiment.id", TelemetryNames.Attributes.ExperimentId);
        Assert.Equal("adaptive_loss.child.id", TelemetryNames.Attributes.ChildId);
        Assert.Equal("adaptive_loss.episode", TelemetryNames.Attributes.Episode);
        Assert.Equal("adaptive_loss.episode.reward", TelemetryNames.Instruments.EpisodeReward);
        Assert.Equal("adaptive_loss.policy.updates", TelemetryNames.Instruments.PolicyUpdates);
    }

    [Fact]
    public void Instruments_HaveTheirNamesUnitsAndTheMeter()
    {
        var expected = new (System.Diagnostics.Metrics.Instrument Instrument, string Name, string Unit)[]
        {
            (AdaptiveLossTelemetry.EpisodeReward, "adaptive_loss.episode.reward", "1"),
            (AdaptiveLossTelemetry.EpisodeDuration, "adaptive_loss.episode.duration", "s"),
            (AdaptiveLossTelemetry.EpisodesDiscarded, "adaptive_loss.episode.discarded", "{episode}"),
            (AdaptiveLossTelemetry.ValidationMetric, "adaptive_loss.validation.metric", "1"),
            (AdaptiveLossTelemetry.TrainThroughput, "adaptive_loss.train.throughput", "{image}/s"),
            (AdaptiveLossTelemetry.TrainLoss, "adaptive_loss.train.loss", "1"),
            (AdaptiveLossTelemetry.PolicyUpdates, "adaptive_loss.policy.updates", "{update}"),
        };

        Assert.All(expected, e =>
        {
            Assert.Equal(e.Name, e.Instrument.Name);
            Assert.Equal(e.Unit, e.Instrument.Unit);
            Assert.Same(AdaptiveLossTelemetry.Meter, e.Instrument.Meter);
        });
        Assert.Equal(Constants(typeof(TelemetryNames.Instruments)).Order(), expected.Select(e => e.Name).Order());
    }

    [Theory]
    [InlineData("exp-1/0", "exp-1")]
    [InlineData("a/b/12", "a/b")]
    [InlineData("lonely", "lonely")]
    public void ExperimentIdOf_ChildKey_PrefixBeforeTheLastSlash(string childId, string expected) =>
        Assert.Equal(expected, AdaptiveLossTelemetry.ExperimentIdOf(childId));

    [Fact]
    public void ChildTags_ExperimentThenChild()
    {
        var tags = AdaptiveLossTelemetry.ChildTags("exp-1/3").ToArray();

        Assert.Equal(new KeyValuePair<string, object?>[] { new("adaptive_loss.experiment.id", "exp-1"), new("adaptive_loss.child.id", "exp-1/3") },
            tags);
    }

    private static List<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
