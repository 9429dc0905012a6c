using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Children;

/// <summary>
/// Every window report carries the Φ the window trained under (docs/mismatch.md, "Distance from the best static Φ"), in
/// the compact pair form, for the losses that use Φ; the baselines that ignore Φ carry none.
/// </summary>
public sealed class WindowPhiTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Run_Ala_EachWindowCarriesThePhiItsActionsMadeAndTheLastIsTheFinalPhi()
    {
        var options = ChildTrainerTests.Options();
        var controller = new RecordingController(seed: 3);
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, options), _data);

        var outcome = trainer.Run(controller, CancellationToken.None);

        // Replays the decisions on a fresh Φ = I: a window's Φ is the last kept window's Φ moved by its actions.
        var kept = new LossParameters(SyntheticTask.Classes);
        foreach (var (report, window) in controller.Reports.Select((r, w) => (r, w)))
        {
            var moved = new LossParameters(SyntheticTask.Classes, kept.ToArray());
            moved.Apply(report.Actions, options.Beta, options.PhiMax);
            Assert.Equal(PhiPairs.Of(moved), report.PhiPairs);
            Assert.Equal(report.Phi.NormFromIdentity, Norm(report.PhiPairs!), 5);
            kept = report.Discarded ? kept : moved;
        }

        Assert.Contains(controller.Reports, r => r.PhiPairs!.Any(p => p != 0));
        var final = controller.Reports[^1].PhiPairs!;
        Assert.Equal(outcome.FinalPhi, PhiPairs.ToMatrix(final).SelectMany(row => row).ToArray(), new FloatPrecision());
    }

    [Fact]
    public void Run_FixedPhi_EveryWindowCarriesTheGivenPhi()
    {
        double[][] phi = [[1, 0.1, 0, 0], [0.1, 1, 0, -0.2], [0, 0, 1, 0], [0, -0.2, 0, 1]];
        var options = ChildTrainerTests.Options(LossMode.Fixed) with { Phi = phi };
        var controller = new RecordingController();
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, options), _data);

        trainer.Run(controller, CancellationToken.None);

        Assert.All(controller.Reports, r => Assert.Equal([0.1f, 0, 0, 0, -0.2f, 0], r.PhiPairs!));
    }

    [Fact]
    public void Run_CrossEntropy_CarriesNoPhi()
    {
        var controller = new RecordingController();
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options(LossMode.Ce)), _data);

        trainer.Run(controller, CancellationToken.None);

        Assert.NotEmpty(controller.Reports);
        Assert.All(controller.Reports, r => Assert.Null(r.PhiPairs));
    }

    // ‖Φ − I‖_F from the pairs: each pair is two off-diagonal entries.
    private static double Norm(float[] pairs) => Math.Sqrt(2 * pairs.Sum(p => (double)p * p));

    private sealed class FloatPrecision : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => (float)x == (float)y;

        public int GetHashCode(double value) => ((float)value).GetHashCode();
    }
}
