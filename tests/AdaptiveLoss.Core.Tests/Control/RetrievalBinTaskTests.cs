using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Control;

/// <summary>The distance bins, their histograms, the per-bin state and Φ's bookkeeping (docs/retrieval.md), on hand-made distances.</summary>
public sealed class RetrievalBinTaskTests
{
    private static ChildSettings Settings(LossMode loss = LossMode.Ala, int bins = 2, int history = 2) =>
        new() { Task = TaskKind.Retrieval, Loss = loss, Bins = bins, HistoryLength = history, Beta = 0.1, PhiMax = 0.2, Metric = MetricKind.Recall1 };

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.199, 0)]
    [InlineData(0.2, 1)]
    [InlineData(1.0, 5)]
    [InlineData(1.99, 9)]
    [InlineData(2.0, 9)]
    [InlineData(2.5, 9)]
    [InlineData(-0.1, 0)]
    public void Of_TenBins_BinIsTheDistanceTimesFive(double distance, int bin)
    {
        Assert.Equal(bin, DistanceBins.Of(distance, 10));
    }

    [Fact]
    public void Histogram_HandMadeDistances_CountsAndSharesPerBin()
    {
        var counts = DistanceBins.Histogram([0.1, 0.3, 0.35, 1.9], 4);

        Assert.Equal([3L, 0, 0, 1], counts);
        Assert.Equal([0.75, 0, 0, 0.25], DistanceBins.Shares(counts));
        Assert.Equal([0.0, 0, 0, 0], DistanceBins.Shares(new long[4]));
    }

    [Fact]
    public void BuildStates_TwoObservations_SharesTimesBinsHistoryChangeWeightProgress()
    {
        var task = new RetrievalBinTask(Settings());
        task.Observe([0.5, 0.5], [0.25, 0.75]);
        task.Observe([1.0, 0.0], [0.25, 0.75]);
        task.ApplyActions([ActionSet.Increase, ActionSet.Keep, ActionSet.Keep, ActionSet.Decrease]);

        var states = task.BuildStates(0.5);

        Assert.Equal((4, 8), (states.Length, states[0].Length));
        // Positive bin 0: own [1·2, 0.5·2], the negatives of bin 0 [0.5, 0.5], changes (1 − 0.5)/0.5 and 0, weight 1.1 − 1.
        Assert.Equal([2f, 1f, 0.5f, 0.5f, 1f, 0f, 0.1f, 0.5f], states[0], new FloatTolerance(1e-6f));
        // Negative bin 1: own [1.5, 1.5], the positives of bin 1 [0, 1], changes 0 and (0 − 0.5)/0.5, weight 0.9 − 1.
        Assert.Equal([1.5f, 1.5f, 0f, 1f, 0f, -1f, -0.1f, 0.5f], states[3], new FloatTolerance(1e-6f));
    }

    [Fact]
    public void ApplyActions_Ala_MovesByBetaWithinPhiMaxOfOne()
    {
        var task = new RetrievalBinTask(Settings());
        for (var step = 0; step < 3; step++)
        {
            task.ApplyActions([ActionSet.Increase, ActionSet.Decrease, ActionSet.Keep, ActionSet.Increase]);
        }

        Assert.Equal([1.2, 0.8, 1.0, 1.2], task.Weights.ToArray(), new DoubleTolerance(1e-12));
        Assert.Equal((0.8, 1.2), (task.ParameterStats().Min, task.ParameterStats().Max));
        Assert.Equal(Math.Sqrt(3 * 0.04), task.ParameterStats().NormFromIdentity, 12);
    }

    [Fact]
    public void ApplyActions_Fixed_WeightsStayAtOne()
    {
        var task = new RetrievalBinTask(Settings(LossMode.Fixed));

        task.ApplyActions([ActionSet.Increase, ActionSet.Decrease, ActionSet.Keep, ActionSet.Increase]);

        Assert.All(task.Weights.ToArray(), w => Assert.Equal(1.0, w));
    }

    [Fact]
    public void ApplyActions_WrongCountOrIndex_ThrowsAndChangesNothing()
    {
        var task = new RetrievalBinTask(Settings());

        Assert.Throws<ArgumentException>(() => task.ApplyActions([ActionSet.Increase]));
        Assert.Throws<ArgumentOutOfRangeException>(() => task.ApplyActions([ActionSet.Increase, 1, 1, 7]));
        Assert.All(task.Weights.ToArray(), w => Assert.Equal(1.0, w));
    }

    [Fact]
    public void SaveLoad_RoundTrip_WeightsAndHistoryComeBack()
    {
        var task = new RetrievalBinTask(Settings());
        task.Observe([0.5, 0.5], [0.25, 0.75]);
        task.ApplyActions([ActionSet.Increase, ActionSet.Keep, ActionSet.Keep, ActionSet.Decrease]);
        var saved = task.Save();

        var again = new RetrievalBinTask(Settings());
        again.Load(saved);

        Assert.Equal(task.BuildStates(0.25), again.BuildStates(0.25));
        Assert.Equal([1.1, 1.0, 1.0, 0.9], again.Save().Parameters, new DoubleTolerance(1e-12));
    }

    [Fact]
    public void Check_BadState_ThrowsAndChangesNothing()
    {
        var task = new RetrievalBinTask(Settings());

        Assert.Throws<ArgumentException>(() => task.Load(new LossTaskState([1, 1, 1], null, [])));
        Assert.Throws<ArgumentException>(() => task.Load(new LossTaskState([1, 1, 1, double.NaN], null, [])));
        Assert.Throws<ArgumentException>(() => task.Load(new LossTaskState([2, 2, 2, 2], null, [[0.5, 0.5, 0.5]])));
        Assert.Throws<ArgumentException>(() => task.Load(new LossTaskState([2, 2, 2, 2], null, [[1, 0, 1, 0], [1, 0, 1, 0], [1, 0, 1, 0]])));
        Assert.All(task.Weights.ToArray(), w => Assert.Equal(1.0, w));
        Assert.Empty(task.States.History);
    }

    [Fact]
    public void FeatureCount_Retrieval_IsThePairsShapeSoAPolicyTransfers()
    {
        var options = new ExperimentOptions { Task = TaskKind.Retrieval, HistoryLength = 7, Metric = MetricKind.Recall1 };

        Assert.Equal(PairStateBuilder.FeatureCountFor(7), LossTasks.FeatureCount(options));
        Assert.Equal(18, new RetrievalBinTask(options.ChildSettings()).FeatureCount);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
