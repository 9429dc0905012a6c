using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Options;

/// <summary>The upper bounds of the options: each refused one above its limit, accepted at it, in one line naming the setting.</summary>
public sealed class OptionLimitsTests
{
    public static TheoryData<string, ExperimentOptions, ExperimentOptions, string> Bounds() => new()
    {
        { nameof(ExperimentOptions.Children), new() { Children = 1024 }, new() { Children = 1025 }, "Children must be in 1..1024 (got 1025)" },
        { nameof(ExperimentOptions.Epochs), new() { Epochs = 10_000 }, new() { Epochs = int.MaxValue }, "Epochs must be in 1..10000 (got 2147483647)" },
        { nameof(ExperimentOptions.BatchSize), new() { BatchSize = 8192 }, new() { BatchSize = 8193 }, "BatchSize must be in 1..8192 (got 8193)" },
        { nameof(ExperimentOptions.HistoryLength), new() { HistoryLength = 100 }, new() { HistoryLength = 2_000_000 }, "HistoryLength must be in 1..100 (got 2000000)" },
        {
            nameof(ExperimentOptions.EvaluationsPerWindow), new() { EvaluationsPerWindow = 100 }, new() { EvaluationsPerWindow = 2_000_000_000 },
            "EvaluationsPerWindow must be in 1..100 (got 2000000000)"
        },
        { nameof(ExperimentOptions.PolicyHidden), new() { PolicyHidden = 1024 }, new() { PolicyHidden = 46341 }, "PolicyHidden must be in 1..1024 (got 46341)" },
        {
            nameof(ExperimentOptions.ReplayCapacity), new() { ReplayCapacity = 100_000 }, new() { ReplayCapacity = int.MaxValue },
            "ReplayCapacity must be in 0..100000 (got 2147483647)"
        },
        { nameof(ExperimentOptions.ReplaySample), new() { ReplaySample = 10_000 }, new() { ReplaySample = 10_001 }, "ReplaySample must be in 0..10000 (got 10001)" },
        {
            nameof(ExperimentOptions.RoundTimeoutSeconds), new() { RoundTimeoutSeconds = 86_400 }, new() { RoundTimeoutSeconds = 1e15 },
            "RoundTimeoutSeconds must be a positive number of seconds, at most 86400 (got 1000000000000000)"
        },
        { nameof(ExperimentOptions.MaxLogit), new() { MaxLogit = 1 }, new() { MaxLogit = 0 }, "MaxLogit must be a positive number (got 0)" },
        {
            nameof(ExperimentOptions.LearningRate), new() { LearningRate = 1 }, new() { LearningRate = double.PositiveInfinity },
            $"LearningRate must be a positive number (got {double.PositiveInfinity})"
        },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Validate_AtTheLimit_Accepts_AboveIt_RefusesInOneLine(string setting, ExperimentOptions atLimit, ExperimentOptions above, string expected)
    {
        Assert.Empty(atLimit.Validate());

        var error = Assert.Single(above.Validate());

        Assert.Equal(setting, error.Setting);
        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Validate_MoreEvaluationsThanIterations_NamesTheWindow()
    {
        var error = Assert.Single(new ExperimentOptions { Window = 3, EvaluationsPerWindow = 4 }.Validate());

        Assert.Equal("EvaluationsPerWindow must be at most Window 3 (got 4)", error.ToString());
    }

    [Fact]
    public void PolicySettings_OutOfRange_TheCoordinatorRefusesAsTheValidatorDoes()
    {
        var options = new ExperimentOptions { PolicyHidden = 46341 };

        Assert.Equal(Assert.Single(options.Validate()), PolicySettings.From(options).Problem(24));
    }

    [Fact]
    public void WindowsPerChild_Defaults_CountsWindowsOfK()
    {
        // ⌈60,000 / 128⌉ = 469 iterations an epoch, 1,407 in 3 epochs: ⌈1,407 / 200⌉ = 8 windows, the last one short.
        Assert.Equal(8, OptionLimits.WindowsPerChild(60_000, 128, 3, 200));
    }

    [Fact]
    public void WindowsPerChild_Overflowing_IsNull()
    {
        // ⌈60,000 / 1⌉ · (2^31 − 1) iterations of windows of 1: far beyond an int.
        Assert.Null(OptionLimits.WindowsPerChild(60_000, 1, int.MaxValue, 1));
        Assert.Null(OptionLimits.WindowsPerChild(long.MaxValue, 1, 2, 1));
        Assert.Equal(int.MaxValue, OptionLimits.WindowsPerChild(int.MaxValue, 1, 1, 1));
    }

    [Fact]
    public void WindowBudgetProblem_OverTheBudget_NamesEpochsBatchAndWindow()
    {
        var windows = OptionLimits.WindowsPerChild(55_000, 64, 100, 1); // 860 iterations an epoch

        Assert.Equal(86_000, windows);
        Assert.Null(OptionLimits.WindowBudgetProblem(11, 55_000, 100, 64, 1)); // 946,000
        var error = OptionLimits.WindowBudgetProblem(12, 55_000, 100, 64, 1); // 1,032,000
        Assert.Equal("Window 1 gives 1,032,000 windows (12 children × Epochs 100 × ⌈55000 training images / BatchSize 64⌉ iterations / 1); "
            + "at most 1,000,000 are kept (raise Window)", error?.ToString());
        Assert.Equal("Window 1 gives more than 2^31 windows (1 children × Epochs 10000 × ⌈2147483647 training images / BatchSize 1⌉ iterations / 1); "
            + "at most 1,000,000 are kept (raise Window)", OptionLimits.WindowBudgetProblem(1, int.MaxValue, 10_000, 1, 1)?.ToString());
    }
}
