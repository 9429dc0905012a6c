using AdaptiveLoss.Training.Children;

namespace AdaptiveLoss.Training.Tests.Children;

public sealed class WindowPlanTests
{
    [Fact]
    public void Create_PartialLastBatchAndWindow_CountsIterationsAndWindows()
    {
        // 250 images in batches of 32: 8 iterations per epoch (the last holds 26); 2 epochs = 16 = 3 windows of 6, 6, 4.
        var plan = WindowPlan.Create(250, 32, 2, 6);

        Assert.Equal(8, plan.IterationsPerEpoch);
        Assert.Equal(16, plan.TotalIterations);
        Assert.Equal(3, plan.Windows);
        Assert.Equal(new[] { 6, 6, 4 }, new[] { plan.Length(0), plan.Length(1), plan.Length(2) });
        Assert.Equal(12, plan.Start(2));
        Assert.Equal(new[] { 0, 0, 1, 1 }, new[] { plan.EpochOf(0), plan.EpochOf(7), plan.EpochOf(8), plan.EpochOf(15) });
    }

    [Theory]
    [InlineData(200, 4, new[] { 50, 100, 150, 200 })]
    [InlineData(10, 4, new[] { 3, 5, 8, 10 })]
    [InlineData(2, 4, new[] { 1, 1, 2, 2 })]
    [InlineData(7, 1, new[] { 7 })]
    public void EvaluationPoints_EvenlySpaced_LastAtWindowEnd(int length, int evaluations, int[] expected)
    {
        Assert.Equal(expected, WindowPlan.EvaluationPoints(length, evaluations));
    }
}
