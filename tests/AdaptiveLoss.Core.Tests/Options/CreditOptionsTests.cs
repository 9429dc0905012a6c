using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Options;

/// <summary>Pair credit's requirements (docs/credit.md), each refused in one line naming the setting it conflicts with.</summary>
public sealed class CreditOptionsTests
{
    private static readonly ExperimentOptions Pair = new() { Credit = CreditKind.Pair };

    [Fact]
    public void Validate_PairCreditWithTheDefaults_IsValid()
    {
        Assert.Empty(Pair.Validate());
        Assert.Empty((Pair with { Metric = MetricKind.BalancedError }).Validate());
        Assert.Equal(CreditKind.Pair, ChildSettings.From(Pair).Credit);
    }

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void Validate_PairCreditConflict_OneErrorOnCredit(ExperimentOptions options, string expected)
    {
        var error = Assert.Single(options.Validate());

        Assert.Equal(nameof(ExperimentOptions.Credit), error.Setting);
        Assert.Equal(expected, error.ToString());
    }

    public static TheoryData<ExperimentOptions, string> Conflicts() => new()
    {
        { Pair with { Loss = LossMode.Ce }, "Credit pair credits the policy's actions, so it needs Loss ala" },
        { Pair with { Metric = MetricKind.F1 }, "Credit pair needs a metric that is a sum over class pairs: Metric error or balanced-error" },
        { Pair with { PhiGroups = PhiGroupKind.All }, "Credit pair credits each class pair, so it needs PhiGroups pairs" },
        { Pair with { ClassOffsets = true }, "Credit pair has no share of the metric for the class offsets; drop ClassOffsets" },
        { Pair with { Baseline = BaselineKind.Ema }, "Credit pair compares each pair with the same pair of the round: it needs Baseline population" },
    };
}
