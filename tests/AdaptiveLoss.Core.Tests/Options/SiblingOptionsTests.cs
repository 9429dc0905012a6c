using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Options;

/// <summary>Sibling rounds' requirements (docs/credit.md), each refused in one line naming the setting it conflicts with.</summary>
public sealed class SiblingOptionsTests
{
    private static readonly ExperimentOptions Two = new() { Siblings = 2 };

    [Fact]
    public void Validate_SiblingsWithTheDefaults_AreValidAndReachTheChild()
    {
        Assert.Empty(Two.Validate());
        Assert.Empty((Two with { Siblings = 4, Antithetic = true, Credit = CreditKind.Pair }).Validate());
        Assert.Empty((Two with { FreezePolicy = true }).Validate());
        var child = ChildSettings.From(Two with { Antithetic = true });
        Assert.Equal(2, child.Siblings);
        Assert.True(child.Antithetic);
    }

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void Validate_SiblingConflict_OneErrorNamingIt(ExperimentOptions options, string setting, string expected)
    {
        var error = Assert.Single(options.Validate());

        Assert.Equal(setting, error.Setting);
        Assert.Equal(expected, error.ToString());
    }

    public static TheoryData<ExperimentOptions, string, string> Conflicts() => new()
    {
        { Two with { Siblings = 0 }, "Siblings", "Siblings must be in 1..16 (got 0)" },
        { Two with { Siblings = 17 }, "Siblings", "Siblings must be in 1..16 (got 17)" },
        { Two with { Children = 600 }, "Siblings", "Siblings gives 1200 branches (Children 600 × 2); at most 1024 take part in a round" },
        { Two with { Loss = LossMode.Ce }, "Siblings", "Siblings branches differ only in the policy's actions, so they need Loss ala" },
        { Two with { Baseline = BaselineKind.Ema }, "Siblings", "Siblings compares each branch with its siblings of the round: it needs Baseline population" },
        { new ExperimentOptions { Antithetic = true }, "Antithetic", "Antithetic mirrors sibling 2k into 2k + 1, so it needs an even Siblings of at least 2 (got 1)" },
        { Two with { Siblings = 3, Antithetic = true }, "Antithetic", "Antithetic mirrors sibling 2k into 2k + 1, so it needs an even Siblings of at least 2 (got 3)" },
    };
}
