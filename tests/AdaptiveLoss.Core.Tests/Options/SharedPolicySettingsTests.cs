using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Options;

public sealed class SharedPolicySettingsTests
{
    private static readonly ExperimentOptions Shared = new() { PolicyId = "p" };

    [Fact]
    public void Mismatch_OtherChildSettings_NoneBecauseExperimentsMayDifferThere()
    {
        var joining = Shared with { Seed = 7, Classes = 5, Model = ModelKind.Mlp, Beta = 0.1, Epochs = 9, Children = 2 };

        Assert.Null(SharedPolicySettings.Mismatch("p", Shared, joining));
    }

    [Theory]
    [InlineData(nameof(ExperimentOptions.PolicyHidden), "32", "16")]
    [InlineData(nameof(ExperimentOptions.FreezePolicy), "learning", "frozen")]
    [InlineData(nameof(ExperimentOptions.PolicyLearningRate), "0.001", "0.01")]
    [InlineData(nameof(ExperimentOptions.ReplaySample), "8", "3")]
    [InlineData(nameof(ExperimentOptions.Baseline), "population", "ema")]
    public void Mismatch_OtherPolicySetting_OneLineNamingTheSettingAndBothValues(string setting, string have, string want)
    {
        var joining = setting switch
        {
            nameof(ExperimentOptions.PolicyHidden) => Shared with { PolicyHidden = 16 },
            nameof(ExperimentOptions.FreezePolicy) => Shared with { FreezePolicy = true },
            nameof(ExperimentOptions.PolicyLearningRate) => Shared with { PolicyLearningRate = 0.01 },
            nameof(ExperimentOptions.ReplaySample) => Shared with { ReplaySample = 3 },
            _ => Shared with { Baseline = BaselineKind.Ema },
        };

        var error = SharedPolicySettings.Mismatch("p", Shared, joining);

        Assert.Equal(nameof(ExperimentOptions.PolicyId), error?.Setting);
        Assert.Equal([setting], error?.Mentions ?? []);
        Assert.Equal($"PolicyId p: {setting} differs: the shared policy has {have}, this experiment asks for {want} "
            + "(experiments sharing a policy need the same policy settings)", error?.ToString());
    }

    [Fact]
    public void Mismatch_CeJoiningALearningPolicy_RefusedBecauseItWouldNotLearn()
    {
        Assert.Contains("FreezePolicy differs", SharedPolicySettings.Mismatch("p", Shared, Shared with { Loss = LossMode.Ce })?.ToString());
    }
}
