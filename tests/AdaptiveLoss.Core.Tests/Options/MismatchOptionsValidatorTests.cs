using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Options;

/// <summary>The mismatch options are checked once, with the others: one line naming the setting, and the resolved defaults.</summary>
public sealed class MismatchOptionsValidatorTests
{
    private static double[][] Uniform(int classes, double value) =>
        Enumerable.Range(0, classes).Select(i => Enumerable.Range(0, classes).Select(j => i == j ? 1.0 : value).ToArray()).ToArray();

    public static TheoryData<ExperimentOptions, string> Invalid => new()
    {
        { new() { Imbalance = 0.5 }, "Imbalance must be a number of at least 1 (got 0.5)" },
        { new() { Imbalance = double.PositiveInfinity }, "Imbalance must be a number of at least 1 (got " },
        { new() { ImbalanceOrder = "3,1" }, "ImbalanceOrder: " },
        { new() { LabelNoise = new LabelNoise(LabelNoiseKind.PairFlip, 0.4, [new FlipPair(0, 10)]) }, "LabelNoise: " },
        { new() { LabelNoise = new LabelNoise(LabelNoiseKind.PairFlip, 0.4, []), Task = TaskKind.Cifar10, DataDirectory = "/d" }, "LabelNoise: " },
        { new() { LabelNoise = new LabelNoise(LabelNoiseKind.PairFlip, 0.4, []), Classes = 5 }, "LabelNoise: " },
        { new() { Smoothing = 1 }, "Smoothing must be in [0, 1) (got 1)" },
        { new() { FocalGamma = -0.5 }, "FocalGamma must be a number of at least 0 (got -0.5)" },
        { new() { ClassBalanceBeta = -0.1 }, "ClassBalanceBeta must be in [0, 1) (got -0.1)" },
        { new() { Tau = double.NaN }, "Tau must be a finite number (got NaN)" },
        { new() { Loss = LossMode.Forward }, "Loss forward corrects with the true noise matrix, so it needs LabelNoise" },
        { new() { OffsetBeta = 0 }, "OffsetBeta must be a positive number (got 0)" },
        { new() { OffsetMax = -1 }, "OffsetMax must be a positive number (got -1)" },
        { new() { ClassOffsets = true, Loss = LossMode.Focal }, "ClassOffsets moves δ beside Φ, so it needs Loss ala (or fixed, where δ stays 0)" },
        { new() { Phi = Uniform(9, 0.1), Loss = LossMode.Fixed }, "Phi: Φ is 9×9, the task has 10 classes" },
        { new() { Phi = Uniform(10, 0.5) }, "Phi: Φ[0,1] = 0.5 is outside" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadMismatchValue_OneMessageNamingTheSetting(ExperimentOptions options, string expectedStart)
    {
        var message = Assert.Single(options.Validate()).ToString();

        Assert.StartsWith(expectedStart, message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Validate_StaticPhiWiderThanPhiMax_AcceptedWhenItStaysFixed()
    {
        Assert.Empty(new ExperimentOptions { Phi = Uniform(10, 0.5), Loss = LossMode.Fixed }.Validate());
        Assert.Empty(new ExperimentOptions { Phi = Uniform(3, 0.1), Classes = 3 }.Validate());
    }

    [Fact]
    public void ResolvedLabelNoise_PairFlipOnFashionMnistWithoutPairs_TakesTheDefaultPairs()
    {
        var noise = new ExperimentOptions { LabelNoise = LabelNoise.Parse("pairflip:0.4") }.ResolvedLabelNoise()!;

        Assert.Equal("pairflip:0.4:0-6,2-4,5-7", noise.Format());
        Assert.Equal("symmetric:0.2", new ExperimentOptions { LabelNoise = LabelNoise.Parse("symmetric:0.2") }.ResolvedLabelNoise()!.Format());
        Assert.Null(new ExperimentOptions().ResolvedLabelNoise());
    }

    [Theory]
    [InlineData(ValidationSplitKind.Auto, false, false, ValidationSplitKind.Tail)]
    [InlineData(ValidationSplitKind.Auto, true, false, ValidationSplitKind.Balanced)]
    [InlineData(ValidationSplitKind.Auto, false, true, ValidationSplitKind.Balanced)]
    [InlineData(ValidationSplitKind.Tail, true, true, ValidationSplitKind.Tail)]
    [InlineData(ValidationSplitKind.Balanced, false, false, ValidationSplitKind.Balanced)]
    public void ResolvedValidationSplit_AutoIsBalancedOnlyUnderATransform(ValidationSplitKind split, bool imbalance, bool noise, ValidationSplitKind expected)
    {
        var options = new ExperimentOptions
        {
            ValidationSplit = split,
            Imbalance = imbalance ? 10 : null,
            LabelNoise = noise ? LabelNoise.Parse("symmetric:0.1") : null,
        };

        Assert.Equal(expected, options.ResolvedValidationSplit());
    }
}
