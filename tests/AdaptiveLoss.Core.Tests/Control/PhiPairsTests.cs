using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Core.Tests.Control;

/// <summary>The compact Φ of a window summary and the distance between two Φs (docs/mismatch.md).</summary>
public sealed class PhiPairsTests
{
    [Fact]
    public void Of_ThreeClasses_UpperTriangleInClassPairsOrderAsFloat32()
    {
        var phi = new LossParameters(3, [1, 0.1, -0.2, 0.1, 1, 0.30000000000000004, -0.2, 0.30000000000000004, 1]);

        Assert.Equal([0.1f, -0.2f, 0.3f], PhiPairs.Of(phi));
    }

    [Fact]
    public void ToMatrix_Pairs_SymmetricWithUnitDiagonal()
    {
        var matrix = PhiPairs.ToMatrix([0.5f, -0.25f, 0.125f]);

        Assert.Equal([[1, 0.5, -0.25], [0.5, 1, 0.125], [-0.25, 0.125, 1]], matrix);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 3)]
    [InlineData(45, 10)]
    [InlineData(0, null)]
    [InlineData(2, null)]
    [InlineData(44, null)]
    public void ClassesOf_PairCount_TheClassCountOrNull(int count, int? classes) => Assert.Equal(classes, PhiPairs.ClassesOf(count));

    [Fact]
    public void ToMatrix_CountOfNoClassCount_OneLineError()
    {
        var error = Assert.Throws<ArgumentException>(() => PhiPairs.ToMatrix([0.1f, 0.2f]));

        Assert.StartsWith("2 Φ entries is not C(C−1)/2 for any number of classes C", error.Message);
    }

    [Fact]
    public void Distance_HandComputed_OffDiagonalFrobeniusCountingBothTriangles()
    {
        double[][] learned = [[1, 0.2, -0.1], [0.2, 1, 0], [-0.1, 0, 1]];
        double[][] best = [[1, 0.1, 0.1], [0.1, 1, 0.1], [0.1, 0.1, 1]];

        // Off-diagonal differences 0.1, −0.2, −0.1, each twice: √(2 · (0.01 + 0.04 + 0.01)) = √0.12.
        Assert.Equal(Math.Sqrt(0.12), PhiMatrix.Distance(learned, best), 12);
        Assert.Equal(Math.Sqrt(0.12), PhiMatrix.Distance(best, learned), 12);
    }

    [Fact]
    public void Distance_DiagonalDiffers_LeftOut()
    {
        double[][] a = [[1, 0.5], [0.5, 1]];
        double[][] b = [[7, 0.5], [0.5, -3]];

        Assert.Equal(0, PhiMatrix.Distance(a, b));
    }

    [Fact]
    public void Distance_DifferentShapes_OneLineError()
    {
        double[][] two = [[1, 0], [0, 1]];
        double[][] three = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];

        var error = Assert.Throws<ArgumentException>(() => PhiMatrix.Distance(two, three));

        Assert.Equal("Φs of different or non-square shapes: 2×2 and 3×3", error.Message);
    }
}
