namespace AdaptiveLoss.Training.Tests;

public sealed class TorchThreadsTests
{
    [Theory]
    [InlineData(1, 2, 2)]
    [InlineData(2, 2, 1)]
    [InlineData(4, 2, 1)]
    [InlineData(3, 16, 5)]
    [InlineData(0, 16, 16)]
    public void For_ChildrenOnCores_MaxOfOneAndCoresOverChildren(int children, int cores, int expected)
    {
        Assert.Equal(expected, TorchThreads.For(children, cores));
    }
}
