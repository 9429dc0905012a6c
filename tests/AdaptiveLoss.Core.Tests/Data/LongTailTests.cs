using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Tests.Data;

public sealed class LongTailTests
{
    private static readonly int[] Natural = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    // n·R^(−r/9), floored; the exact values are in the comments (none lies within 1e-9 of an integer except the ends).
    [Theory]
    // 5000·10^(−r/9) = 5000, 3871.318, 2997.421, 2320.794, 1796.907, 1391.280, 1077.217, 834.050, 645.775, 500.
    [InlineData(5000, 10.0, new[] { 5000, 3871, 2997, 2320, 1796, 1391, 1077, 834, 645, 500 })]
    // 5000·100^(−r/9) = 5000, 2997.421, 1796.907, 1077.217, 645.775, 387.132, 232.079, 139.128, 83.405, 50.
    [InlineData(5000, 100.0, new[] { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 })]
    // 6000·10^(−r/9) = 6000, 4645.582, 3596.906, 2784.953, 2156.288, 1669.536, 1292.661, 1000.860, 774.930, 600.
    [InlineData(6000, 10.0, new[] { 6000, 4645, 3596, 2784, 2156, 1669, 1292, 1000, 774, 600 })]
    // 6000·100^(−r/9) = 6000, 3596.906, 2156.288, 1292.661, 774.930, 464.558, 278.495, 166.954, 100.086, 60.
    [InlineData(6000, 100.0, new[] { 6000, 3596, 2156, 1292, 774, 464, 278, 166, 100, 60 })]
    public void Counts_TenClassesNaturalOrder_HandComputedProfile(int nMax, double ratio, int[] expected)
    {
        Assert.Equal(expected, LongTail.Counts(Enumerable.Repeat(nMax, 10).ToArray(), ratio, Natural));
    }

    [Fact]
    public void Counts_UnequalAvailability_ScalesFromTheSmallestAndFollowsOrder()
    {
        // n_max = 400 (class 1); class 2 is the head, class 0 rank 1, class 1 the tail: 400·4^(−1/2) = 200, 400/4 = 100.
        Assert.Equal([200, 100, 400], LongTail.Counts([500, 400, 900], 4.0, [2, 0, 1]));
    }

    [Fact]
    public void Counts_OneClassOrHugeRatio_KeepsNMaxAndAtLeastOne()
    {
        Assert.Equal([7], LongTail.Counts([7], 100.0, [0]));
        Assert.Equal([10, 1], LongTail.Counts([10, 10], 1e6, [0, 1]));
        Assert.Equal([10, 10], LongTail.Counts([10, 10], 1.0, [1, 0]));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Counts_BadRatio_Throws(double ratio)
    {
        Assert.Throws<ArgumentException>(() => LongTail.Counts([10, 10], ratio, [0, 1]));
    }

    [Fact]
    public void Counts_OrderNotAPermutationOrLengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => LongTail.Counts([10, 10], 2.0, [0, 0]));
        Assert.Throws<ArgumentException>(() => LongTail.Counts([10, 10], 2.0, [0, 2]));
        Assert.Throws<ArgumentException>(() => LongTail.Counts([10, 10], 2.0, [0]));
        Assert.Throws<ArgumentException>(() => LongTail.Counts([10, 0], 2.0, [0, 1]));
    }

    [Fact]
    public void Select_KeepsExactlyCountsAscendingAndDeterministicPerSeed()
    {
        var labels = Enumerable.Range(0, 3000).Select(k => k % 3).ToArray();
        int[] counts = [1000, 250, 7];

        var first = LongTail.Select(labels, counts, seed: 11);
        var again = LongTail.Select(labels, counts, seed: 11);
        var other = LongTail.Select(labels, counts, seed: 12);

        Assert.Equal(1257, first.Length);
        Assert.Equal(first.Order().ToArray(), first);
        Assert.Equal(first.Length, first.Distinct().Count());
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(counts[c], first.Count(k => labels[k] == c));
        }

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(first.Length, other.Length);
    }

    [Fact]
    public void Select_ClassTooSmallOrLabelOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => LongTail.Select([0, 0, 1], [1, 2], 0));
        Assert.Throws<ArgumentException>(() => LongTail.Select([0, 2], [1, 1], 0));
    }

    [Fact]
    public void ParseOrder_Keywords_NaturalReverseAndSeededRandom()
    {
        Assert.Equal([0, 1, 2, 3], LongTail.ParseOrder("natural", 4, 0));
        Assert.Equal([3, 2, 1, 0], LongTail.ParseOrder(" reverse ", 4, 0));
        var random = LongTail.ParseOrder("random", 10, 5);
        Assert.Equal(Natural, random.Order().ToArray());
        Assert.Equal(random, LongTail.ParseOrder("random", 10, 5));
        Assert.NotEqual(random, LongTail.ParseOrder("random", 10, 6));
    }

    [Fact]
    public void ParseOrder_CommaList_HeadFirst()
    {
        Assert.Equal([3, 1, 0, 2], LongTail.ParseOrder("3,1,0,2", 4, 0));
        Assert.Equal([1, 0], LongTail.ParseOrder("1, 0", 2, 0));
    }

    [Theory]
    [InlineData("3,1,0", "lists 3 classes, the task has 4")]
    [InlineData("3,1,1,2", "class 1 appears twice")]
    [InlineData("3,1,0,4", "class 4 is outside [0, 4)")]
    [InlineData("3,x,0,2", "'x' is not a class index")]
    [InlineData("3,-1,0,2", "'-1' is not a class index")]
    [InlineData("sorted", "unknown order 'sorted' (natural, reverse, random")]
    public void ParseOrder_Bad_ThrowsOneLineFormatException(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => LongTail.ParseOrder(text, 4, 0));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("--", error.Message);
    }
}
