using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Options;

public sealed class ExperimentOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        Assert.Empty(new ExperimentOptions().Validate());
    }

    [Fact]
    public void Validate_Defaults_AreTheSpecValues()
    {
        var o = new ExperimentOptions();

        Assert.Equal(
            (4, 200, 0.02, 0.2, RewardKind.Diff, BaselineKind.Population, LossForm.Pairwise),
            (o.Children, o.Window, o.Beta, o.PhiMax, o.Reward, o.Baseline, o.LossForm));
        Assert.Equal((10, 4, 0.9, 32, 1e-3, 1000, 8, 60.0), (o.HistoryLength, o.EvaluationsPerWindow, o.Gamma,
            o.PolicyHidden, o.PolicyLearningRate, o.ReplayCapacity, o.ReplaySample, o.RoundTimeoutSeconds));
    }

    [Theory]
    [InlineData("--children")]
    [InlineData("--beta")]
    [InlineData("--phi-max")]
    [InlineData("--gamma")]
    [InlineData("--ema-decay")]
    [InlineData("--warmup-epochs")]
    public void Validate_InvalidValue_OneMessageNamingTheOption(string option)
    {
        var o = option switch
        {
            "--children" => new ExperimentOptions { Children = 0 },
            "--beta" => new ExperimentOptions { Beta = double.NaN },
            "--phi-max" => new ExperimentOptions { PhiMax = -0.1 },
            "--gamma" => new ExperimentOptions { Gamma = 1.5 },
            "--ema-decay" => new ExperimentOptions { EmaDecay = 1.0 },
            _ => new ExperimentOptions { WarmupEpochs = 3, Epochs = 3 },
        };

        var message = Assert.Single(o.Validate());

        Assert.StartsWith(option + " ", message);
        Assert.DoesNotContain('\n', message);
    }

    [Theory]
    [InlineData(1, "--classes must be in 2..10 (got 1)")]
    [InlineData(11, "--classes must be in 2..10 (got 11)")]
    [InlineData(2, null)]
    [InlineData(10, null)]
    public void Validate_Classes_TwoToTheTasksTen(int classes, string? expected)
    {
        var errors = new ExperimentOptions { Classes = classes }.Validate();

        Assert.Equal(expected is null ? [] : [expected], errors);
    }

    [Fact]
    public void Validate_SnapshotEveryZero_Refused()
    {
        Assert.Equal(["--snapshot-every must be at least 1 (got 0)"], new ExperimentOptions { SnapshotEvery = 0 }.Validate());
    }

    [Fact]
    public void Validate_InitialPolicyOfAnotherShape_NamesBothShapes()
    {
        var snapshot = AdaptiveLoss.Core.Policy.Snapshots.PolicySnapshot.Of("p", 2, new AdaptiveLoss.Core.Policy.PolicyNetwork(24, 16, 1),
            DateTimeOffset.UnixEpoch, new("idx", "mlp", 10, 2, 8));

        Assert.Empty(new ExperimentOptions { InitialPolicy = snapshot, PolicyHidden = 16 }.Validate());
        Assert.Equal(["--policy p@2 has 16 hidden units, --policy-hidden is 32"], new ExperimentOptions { InitialPolicy = snapshot }.Validate());
        Assert.Equal(["--policy p@2 takes 24 state features, this run has 14 (--history 5; a policy needs --history 10)"],
            new ExperimentOptions { InitialPolicy = snapshot, PolicyHidden = 16, HistoryLength = 5 }.Validate());
    }

    [Fact]
    public void Validate_SeveralProblems_AllReportedInOptionOrder()
    {
        var errors = new ExperimentOptions { Children = 0, Window = 0, Device = "tpu" }.Validate();

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("--children", errors[0]);
        Assert.StartsWith("--window", errors[1]);
        Assert.Contains("'tpu'", errors[2]);
    }

    [Fact]
    public void Validate_IdxWithoutData_NamesTask()
    {
        Assert.Equal(["--task idx needs --data DIR"], new ExperimentOptions { Task = TaskKind.Idx }.Validate());
    }

    [Fact]
    public void WithPaperPreset_Defaults_ReimplementationValuesRestUnchanged()
    {
        var baseOptions = new ExperimentOptions { Children = 7, Seed = 5 };

        var paper = baseOptions.WithPaperPreset();

        Assert.Equal(LossForm.Sigmoid, paper.LossForm);
        Assert.Equal(0.1, paper.Beta);
        Assert.Equal(RewardKind.Sign, paper.Reward);
        Assert.Equal(BaselineKind.Ema, paper.Baseline);
        Assert.Equal(1.0, paper.PhiMax);
        Assert.Equal(baseOptions with
        {
            LossForm = LossForm.Sigmoid, Beta = 0.1, Reward = RewardKind.Sign, Baseline = BaselineKind.Ema, PhiMax = 1.0,
        }, paper);
        Assert.Empty(paper.Validate());
    }
}
