using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Tests.Data;

public sealed class LabelNoiseMatrixTests
{
    [Fact]
    public void TransitionMatrix_Pairflip_ListedSplitUnlistedKeepOne()
    {
        var t = LabelNoise.Parse("pairflip:0.4:0-6,2-4,5-7").TransitionMatrix(10);

        Assert.Equal(0.6, t[0, 0]);
        Assert.Equal(0.4, t[0, 6]);
        Assert.Equal(0.4, t[6, 0]);
        Assert.Equal(0.6, t[7, 7]);
        Assert.Equal(0.4, t[7, 5]);
        Assert.Equal(1.0, t[1, 1]);
        Assert.Equal(0.0, t[1, 0]);
        Assert.Equal(1.0, t[9, 9]);
        AssertRowsSumToOne(t, 10);
    }

    [Fact]
    public void TransitionMatrix_Symmetric_DiagonalOneMinusEtaRestSpread()
    {
        var t = LabelNoise.Parse("symmetric:0.3").TransitionMatrix(4);

        Assert.Equal(0.7, t[2, 2], 15);
        Assert.Equal(0.1, t[2, 0], 15);
        Assert.Equal(0.1, t[0, 3], 15);
        AssertRowsSumToOne(t, 4);
    }

    [Fact]
    public void RealisedMatrix_HandMade_FractionsPerCleanRowAbsentRowZero()
    {
        var m = LabelNoise.RealisedMatrix([0, 0, 1, 1, 1, 1], [0, 1, 1, 1, 0, 1], 3);

        Assert.Equal(0.5, m[0, 0]);
        Assert.Equal(0.5, m[0, 1]);
        Assert.Equal(0.25, m[1, 0]);
        Assert.Equal(0.75, m[1, 1]);
        Assert.Equal(0.0, m[1, 2]);
        Assert.Equal([0.0, 0.0, 0.0], [m[2, 0], m[2, 1], m[2, 2]]);
        Assert.Throws<ArgumentException>(() => LabelNoise.RealisedMatrix([0, 1], [0], 2));
        Assert.Throws<ArgumentException>(() => LabelNoise.RealisedMatrix([0, 1], [0, 2], 2));
    }

    internal static void AssertRowsSumToOne(double[,] matrix, int classes)
    {
        for (var i = 0; i < classes; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < classes; j++)
            {
                sum += matrix[i, j];
            }

            Assert.Equal(1.0, sum, 12);
        }
    }
}
