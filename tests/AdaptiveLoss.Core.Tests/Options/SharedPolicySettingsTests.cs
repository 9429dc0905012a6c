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
    [InlineData("--policy-hidden", "32", "16")]
    [InlineData("--freeze-policy", "learning", "frozen")]
    [InlineData("--policy-lr", "0.001", "0.01")]
    [InlineData("--replay-sample", "8", "3")]
    [InlineData("--baseline", "population", "ema")]
    public void Mismatch_OtherPolicySetting_OneLineNamingTheFlagAndBothValues(string flag, string have, string want)
    {
        var joining = flag switch
        {
            "--policy-hidden" => Shared with { PolicyHidden = 16 },
            "--freeze-policy" => Shared with { FreezePolicy = true },
            "--policy-lr" => Shared with { PolicyLearningRate = 0.01 },
            "--replay-sample" => Shared with { ReplaySample = 3 },
            _ => Shared with { Baseline = BaselineKind.Ema },
        };

        var message = SharedPolicySettings.Mismatch("p", Shared, joining);

        Assert.Equal($"--share-policy p: {flag} differs: the shared policy has {have}, this experiment asks for {want} "
            + "(experiments sharing a policy need the same policy settings)", message);
    }

    [Fact]
    public void Mismatch_CeJoiningALearningPolicy_RefusedBecauseItWouldNotLearn()
    {
        Assert.Contains("--freeze-policy differs", SharedPolicySettings.Mismatch("p", Shared, Shared with { Loss = LossMode.Ce }));
    }
}
