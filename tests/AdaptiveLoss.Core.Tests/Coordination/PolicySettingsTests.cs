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
    [InlineData("--policy-hidden", "32", "16")]
    [InlineData("--freeze-policy", "learning", "frozen")]
    [InlineData("--policy-lr", "0.001", "0.01")]
    [InlineData("--replay-sample", "8", "3")]
    [InlineData("--baseline", "population", "ema")]
    [InlineData("--round-timeout", "60", "5")]
    [InlineData("--snapshot-every", "10", "4")]
    public void Mismatch_OtherPolicySetting_OneLineNamingTheFlagAndBothValues(string flag, string have, string want)
    {
        var joining = flag switch
        {
            "--policy-hidden" => Shared with { PolicyHidden = 16 },
            "--freeze-policy" => Shared with { FreezePolicy = true },
            "--policy-lr" => Shared with { PolicyLearningRate = 0.01 },
            "--replay-sample" => Shared with { ReplaySample = 3 },
            "--round-timeout" => Shared with { RoundTimeoutSeconds = 5 },
            "--snapshot-every" => Shared with { SnapshotEvery = 4 },
            _ => Shared with { Baseline = BaselineKind.Ema },
        };

        var message = PolicySettings.From(Shared).Mismatch("p", PolicySettings.From(joining));

        Assert.Equal($"--share-policy p: {flag} differs: the shared policy has {have}, this experiment asks for {want} "
            + "(experiments sharing a policy need the same policy settings)", message);
    }

    [Fact]
    public void Mismatch_CeJoiningALearningPolicy_RefusedBecauseItWouldNotLearn()
    {
        Assert.Contains("--freeze-policy differs", PolicySettings.From(Shared).Mismatch("p", PolicySettings.From(Shared with { Loss = LossMode.Ce })));
    }

    [Fact]
    public void From_Options_KeepsOnlyWhatThePolicyReads()
    {
        var options = Shared with { Beta = 0.3, Seed = 9, FreezePolicy = true, PolicyHidden = 8, RoundTimeoutSeconds = 2.5 };

        Assert.Equal(new PolicySettings(8, 1e-3, options.ReplayCapacity, 8, BaselineKind.Population, options.EmaDecay, 2.5, 10, false, 9),
            PolicySettings.From(options));
    }

    [Fact]
    public void Problem_NonPositiveRoundTimeout_NamesTheFlag()
    {
        Assert.Equal("--round-timeout must be positive (got 0)", (PolicySettings.From(Shared) with { RoundTimeoutSeconds = 0 }).Problem(24));
        Assert.Null(PolicySettings.From(Shared).Problem(24));
    }
}
