using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Tests.Data;

public sealed class LabelNoiseApplyTests
{
    private static readonly int[] TwentyThousand = Enumerable.Range(0, 20_000).Select(k => k % 10).ToArray();

    [Fact]
    public void Apply_Pairflip_ListedFlipAtRateToPartnerUnlistedNever()
    {
        var noise = LabelNoise.Parse("pairflip:0.4:0-6,2-4,5-7");

        var noisy = noise.Apply(TwentyThousand, 10, seed: 3);

        int[] partner = [6, -1, 4, -1, 2, 7, 0, 5, -1, -1];
        var listed = 0;
        var flipped = 0;
        for (var k = 0; k < noisy.Length; k++)
        {
            var clean = TwentyThousand[k];
            if (partner[clean] < 0)
            {
                Assert.Equal(clean, noisy[k]);
                continue;
            }

            listed++;
            Assert.True(noisy[k] == clean || noisy[k] == partner[clean]);
            flipped += noisy[k] == clean ? 0 : 1;
        }

        // 12,000 listed labels: σ = √(0.4·0.6/12000) ≈ 0.00447, so ±4σ ≈ ±0.0179.
        Assert.Equal(12_000, listed);
        Assert.InRange((double)flipped / listed, 0.4 - 0.0179, 0.4 + 0.0179);
    }

    [Fact]
    public void Apply_Symmetric_RateWithinBoundsAndOffDiagonalRoughlyUniform()
    {
        var noise = LabelNoise.Parse("symmetric:0.4");

        var noisy = noise.Apply(TwentyThousand, 10, seed: 5);
        var realised = LabelNoise.RealisedMatrix(TwentyThousand, noisy, 10);

        // Overall: σ = √(0.24/20000) ≈ 0.00346, ±4σ ≈ ±0.0139.
        var flipped = noisy.Where((label, k) => label != TwentyThousand[k]).Count();
        Assert.InRange(flipped / 20_000.0, 0.4 - 0.0139, 0.4 + 0.0139);

        // Per entry (2,000 labels per class): η/(C−1) = 0.0444, σ = √(0.0444·0.9556/2000) ≈ 0.0046, ±4σ ≈ ±0.0185;
        // the diagonal 0.6 has σ ≈ 0.011, ±4σ ≈ ±0.044 (a self-map would add η/C = 0.04 on top of it).
        for (var i = 0; i < 10; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                var (expected, bound) = i == j ? (0.6, 0.044) : (0.4 / 9, 0.0185);
                Assert.InRange(realised[i, j], expected - bound, expected + bound);
            }
        }
    }

    [Fact]
    public void Apply_SymmetricAlmostAlwaysFlipping_NeverMapsToItself()
    {
        var noisy = new LabelNoise(LabelNoiseKind.Symmetric, 0.9999999, []).Apply(TwentyThousand, 10, seed: 1);

        for (var k = 0; k < noisy.Length; k++)
        {
            Assert.NotEqual(TwentyThousand[k], noisy[k]);
            Assert.InRange(noisy[k], 0, 9);
        }
    }

    [Fact]
    public void Apply_SameSeed_SameLabelsOtherSeedDiffersZeroRateIsACopy()
    {
        var noise = LabelNoise.Parse("symmetric:0.2");
        int[] labels = [.. TwentyThousand.Take(500)];

        Assert.Equal(noise.Apply(labels, 10, 9), noise.Apply(labels, 10, 9));
        Assert.NotEqual(noise.Apply(labels, 10, 9), noise.Apply(labels, 10, 10));
        var copy = LabelNoise.Parse("symmetric:0").Apply(labels, 10, 9);
        Assert.Equal(labels, copy);
        Assert.NotSame(labels, copy);
    }

    [Fact]
    public void Apply_InvalidForClassesOrLabelOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelNoise.Parse("pairflip:0.4").Apply([0, 1], 10, 0));
        Assert.Throws<ArgumentException>(() => LabelNoise.Parse("pairflip:0.4:0-6").Apply([0, 1], 5, 0));
        Assert.Throws<ArgumentException>(() => LabelNoise.Parse("symmetric:0.4").Apply([0, 3], 3, 0));
    }

    [Fact]
    public void RealisedMatrix_OfApply_RowsSumToOne()
    {
        var noisy = LabelNoise.Parse("pairflip:0.3:1-2").Apply(TwentyThousand, 10, 4);

        LabelNoiseMatrixTests.AssertRowsSumToOne(LabelNoise.RealisedMatrix(TwentyThousand, noisy, 10), 10);
    }
}
