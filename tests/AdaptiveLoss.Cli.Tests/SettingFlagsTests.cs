using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>Core's errors name settings (<c>Beta</c>); the CLI shows the flag of each one from the option table (docs/cli.md).</summary>
public sealed class SettingFlagsTests
{
    [Fact]
    public void Describe_EveryErrorOfBadOptions_NamesFlagsOnly()
    {
        var bad = new ExperimentOptions
        {
            Children = 0, Epochs = 0, Window = 0, Beta = 0, PhiMax = 0, TrainLimit = 0, BatchSize = 0, LearningRate = 0, ValidationSize = 0,
            HistoryLength = 0, EvaluationsPerWindow = 0, Gamma = 0, PolicyHidden = 0, PolicyLearningRate = 0, ReplayCapacity = -1,
            ReplaySample = -1, EmaDecay = 1, RoundTimeoutSeconds = 0, WarmupEpochs = -1, CollapseFactor = 1, Classes = 1, SnapshotEvery = 0,
            Imbalance = 0.5, ImbalanceOrder = "x", Smoothing = 1, FocalGamma = -1, ClassBalanceBeta = 1, Tau = double.NaN, OffsetBeta = 0,
            OffsetMax = 0, ClassOffsets = true, Loss = LossMode.Forward, Device = "tpu", Task = TaskKind.Idx,
        };

        var errors = bad.Validate();

        Assert.True(errors.Count >= 30, $"only {errors.Count} errors");
        Assert.All(errors, e => Assert.StartsWith("--", RunOptionTable.Describe(e), StringComparison.Ordinal));
        Assert.All(errors, e => Assert.All(e.Mentions, m => Assert.StartsWith("--", RunOptionTable.FlagOf(m), StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(nameof(ExperimentOptions.Beta), "--beta")]
    [InlineData(nameof(ExperimentOptions.HistoryLength), "--history")]
    [InlineData(nameof(ExperimentOptions.InitialPolicy), "--policy")]
    [InlineData(nameof(ExperimentOptions.PolicyId), "--share-policy")]
    [InlineData(nameof(ExperimentOptions.RoundTimeoutSeconds), "--round-timeout")]
    [InlineData("NoSuchSetting", "NoSuchSetting")]
    public void FlagOf_Setting_IsItsFlagInTheTable(string setting, string flag) => Assert.Equal(flag, RunOptionTable.FlagOf(setting));

    [Fact]
    public void Describe_SharedPolicyMismatch_ReadsAsBeforeInFlags()
    {
        var error = PolicySettings.From(new ExperimentOptions()).Mismatch("team", PolicySettings.From(new ExperimentOptions { PolicyHidden = 16 }))!;

        Assert.Equal("--share-policy team: --policy-hidden differs: the shared policy has 32, this experiment asks for 16 "
            + "(experiments sharing a policy need the same policy settings)", RunOptionTable.Describe(error));
    }
}
