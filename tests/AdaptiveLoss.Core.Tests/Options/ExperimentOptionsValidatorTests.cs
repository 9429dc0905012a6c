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
    [InlineData(nameof(ExperimentOptions.Children))]
    [InlineData(nameof(ExperimentOptions.Beta))]
    [InlineData(nameof(ExperimentOptions.PhiMax))]
    [InlineData(nameof(ExperimentOptions.Gamma))]
    [InlineData(nameof(ExperimentOptions.EmaDecay))]
    [InlineData(nameof(ExperimentOptions.WarmupEpochs))]
    public void Validate_InvalidValue_OneErrorNamingTheSetting(string setting)
    {
        var o = setting switch
        {
            nameof(ExperimentOptions.Children) => new ExperimentOptions { Children = 0 },
            nameof(ExperimentOptions.Beta) => new ExperimentOptions { Beta = double.NaN },
            nameof(ExperimentOptions.PhiMax) => new ExperimentOptions { PhiMax = -0.1 },
            nameof(ExperimentOptions.Gamma) => new ExperimentOptions { Gamma = 1.5 },
            nameof(ExperimentOptions.EmaDecay) => new ExperimentOptions { EmaDecay = 1.0 },
            _ => new ExperimentOptions { WarmupEpochs = 3, Epochs = 3 },
        };

        var error = Assert.Single(o.Validate());

        Assert.Equal(setting, error.Setting);
        Assert.StartsWith(setting + " ", error.ToString());
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Validate_WarmupNotBelowEpochs_NamesBothSettings()
    {
        var error = Assert.Single(new ExperimentOptions { WarmupEpochs = 3, Epochs = 3 }.Validate());

        Assert.Equal("WarmupEpochs must be in [0, Epochs) (got 3)", error.ToString());
        Assert.Equal(["Epochs"], error.Mentions);
        Assert.Equal("-w must be in [0, -e) (got 3)", error.Describe(s => s == "Epochs" ? "-e" : "-w"));
    }

    [Theory]
    [InlineData(1, "Classes must be in 2..10 (got 1)")]
    [InlineData(11, "Classes must be in 2..10 (got 11)")]
    [InlineData(2, null)]
    [InlineData(10, null)]
    public void Validate_Classes_TwoToTheTasksTen(int classes, string? expected)
    {
        var errors = new ExperimentOptions { Classes = classes }.Validate();

        Assert.Equal(expected is null ? [] : [expected], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_SnapshotEveryZero_Refused()
    {
        Assert.Equal(["SnapshotEvery must be at least 1 (got 0)"], Messages(new ExperimentOptions { SnapshotEvery = 0 }));
    }

    [Fact]
    public void Validate_InitialPolicyOfAnotherShape_NamesBothShapes()
    {
        var snapshot = AdaptiveLoss.Core.Policy.Snapshots.PolicySnapshot.Of("p", 2, new AdaptiveLoss.Core.Policy.PolicyNetwork(24, 16, 1),
            DateTimeOffset.UnixEpoch, new("idx", "mlp", 10, 2, 8));

        Assert.Empty(new ExperimentOptions { InitialPolicy = snapshot, PolicyHidden = 16 }.Validate());
        Assert.Equal(["InitialPolicy p@2 has 16 hidden units, PolicyHidden is 32"], Messages(new ExperimentOptions { InitialPolicy = snapshot }));
        Assert.Equal(["InitialPolicy p@2 takes 24 state features, this run has 14 (HistoryLength 5; a policy needs HistoryLength 10)"],
            Messages(new ExperimentOptions { InitialPolicy = snapshot, PolicyHidden = 16, HistoryLength = 5 }));
    }

    [Fact]
    public void Validate_SeveralProblems_AllReportedInOptionOrder()
    {
        var errors = new ExperimentOptions { Children = 0, Window = 0, Device = "tpu" }.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Equal(["Children", "Window", "Device"], errors.Select(e => e.Setting));
        Assert.Contains("'tpu'", errors[2].ToString());
    }

    [Fact]
    public void Validate_IdxWithoutData_NamesTask()
    {
        Assert.Equal(["Task idx needs DataDirectory"], Messages(new ExperimentOptions { Task = TaskKind.Idx }));
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

    private static IEnumerable<string> Messages(ExperimentOptions options) => options.Validate().Select(e => e.ToString());
}
