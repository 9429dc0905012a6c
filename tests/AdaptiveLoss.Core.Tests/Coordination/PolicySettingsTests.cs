using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Coordination;

public sealed class PolicySettingsTests
{
    private static readonly ExperimentOptions Shared = new() { PolicyId = "p" };

    [Fact]
    public void Mismatch_OtherChildSettings_NoneBecauseExperimentsMayDifferThere()
    {
        var joining = Shared with { Seed = 7, Classes = 5, Model = ModelKind.Mlp, Beta = 0.1, Epochs = 9, Children = 2 };

        Assert.Null(PolicySettings.From(Shared).Mismatch("p", PolicySettings.From(joining)));
    }

    [Theory]
    [InlineData(nameof(ExperimentOptions.PolicyHidden), "32", "16")]
    [InlineData(nameof(ExperimentOptions.FreezePolicy), "learning", "frozen")]
    [InlineData(nameof(ExperimentOptions.PolicyLearningRate), "0.001", "0.01")]
    [InlineData(nameof(ExperimentOptions.ReplaySample), "8", "3")]
    [InlineData(nameof(ExperimentOptions.Baseline), "population", "ema")]
    [InlineData(nameof(ExperimentOptions.RoundTimeoutSeconds), "60", "5")]
    [InlineData(nameof(ExperimentOptions.SnapshotEvery), "10", "4")]
    public void Mismatch_OtherPolicySetting_OneLineNamingTheSettingAndBothValues(string setting, string have, string want)
    {
        var joining = setting switch
        {
            nameof(ExperimentOptions.PolicyHidden) => Shared with { PolicyHidden = 16 },
            nameof(ExperimentOptions.FreezePolicy) => Shared with { FreezePolicy = true },
            nameof(ExperimentOptions.PolicyLearningRate) => Shared with { PolicyLearningRate = 0.01 },
            nameof(ExperimentOptions.ReplaySample) => Shared with { ReplaySample = 3 },
            nameof(ExperimentOptions.RoundTimeoutSeconds) => Shared with { RoundTimeoutSeconds = 5 },
            nameof(ExperimentOptions.SnapshotEvery) => Shared with { SnapshotEvery = 4 },
            _ => Shared with { Baseline = BaselineKind.Ema },
        };

        var error = PolicySettings.From(Shared).Mismatch("p", PolicySettings.From(joining));

        Assert.Equal(nameof(ExperimentOptions.PolicyId), error?.Setting);
        Assert.Equal([setting], error?.Mentions ?? []);
        Assert.Equal($"PolicyId p: {setting} differs: the shared policy has {have}, this experiment asks for {want} "
            + "(experiments sharing a policy need the same policy settings)", error?.ToString());
    }

    [Fact]
    public void Mismatch_CeJoiningALearningPolicy_RefusedBecauseItWouldNotLearn() =>
        Assert.Contains("FreezePolicy differs", PolicySettings.From(Shared).Mismatch("p", PolicySettings.From(Shared with { Loss = LossMode.Ce }))?.ToString());

    [Fact]
    public void From_Options_KeepsOnlyWhatThePolicyReads()
    {
        var options = Shared with { Beta = 0.3, Seed = 9, FreezePolicy = true, PolicyHidden = 8, RoundTimeoutSeconds = 2.5 };

        Assert.Equal(new PolicySettings(8, 1e-3, options.ReplayCapacity, 8, BaselineKind.Population, options.EmaDecay, 2.5, 10, false, 9),
            PolicySettings.From(options));
    }

    [Fact]
    public void Problem_NonPositiveRoundTimeout_NamesTheSetting()
    {
        var error = (PolicySettings.From(Shared) with { RoundTimeoutSeconds = 0 }).Problem(24);

        Assert.Equal(nameof(ExperimentOptions.RoundTimeoutSeconds), error?.Setting);
        Assert.Equal("RoundTimeoutSeconds must be a positive number of seconds, at most 86400 (got 0)", error?.ToString());
        Assert.Null(PolicySettings.From(Shared).Problem(24));
    }
}
