using AdaptiveLoss.Training.Losses;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Losses;

/// <summary>
/// The margin loss (docs/retrieval.md) against its closed form on three unit vectors in 2-D: x0 = (1, 0) and x1 = (0, 1)
/// of class 0, x2 at 60° of class 1, so d01 = √2, d02 = 1 and d12 = 2 sin 15°. Anchor 0 and anchor 1 each have one positive
/// and one usable negative (weight 1 after the per-anchor normalisation); anchor 2 has no positive, so no negative term.
/// </summary>
public sealed class MarginLossTests
{
    private static readonly double D01 = Math.Sqrt(2);
    private static readonly double D12 = 2 * Math.Sin(Math.PI / 12);

    private static (torch.Tensor Outputs, torch.Tensor Labels) Batch() => (
        torch.tensor(new float[] { 2, 0, 0, 3, 0.5f, (float)Math.Sqrt(0.75) }, new long[] { 3, 2 }),
        torch.tensor(new long[] { 0, 0, 1 }));

    private static double Relu(double x) => Math.Max(0, x);

    [Fact]
    public void Compute_Plain_EqualsTheClosedForm()
    {
        var (outputs, labels) = Batch();
        var positive = 2 * Relu(MarginLoss.Alpha + D01 - MarginLoss.Boundary);
        var negative = Relu(MarginLoss.Alpha - (1.0 - MarginLoss.Boundary)) + Relu(MarginLoss.Alpha - (D12 - MarginLoss.Boundary));

        var loss = MarginLoss.Compute(outputs, labels).item<float>();

        Assert.Equal((positive + negative) / 4, loss, 4);
    }

    [Fact]
    public void Compute_BinWeights_MultiplyEachPairsTermByItsBin()
    {
        var (outputs, labels) = Batch();
        // Two bins of width 1: √2 and 1 in bin 1, 2 sin 15° in bin 0.
        var expected = ((2 * 2 * Relu(MarginLoss.Alpha + D01 - MarginLoss.Boundary))
            + (0.5 * Relu(MarginLoss.Alpha - (1.0 - MarginLoss.Boundary)))
            + (3 * Relu(MarginLoss.Alpha - (D12 - MarginLoss.Boundary)))) / 4;

        var loss = MarginLoss.Compute(outputs, labels, torch.tensor(new float[] { 1, 2 }), torch.tensor(new float[] { 3, 0.5f })).item<float>();

        Assert.Equal(expected, loss, 4);
    }

    [Fact]
    public void Compute_UnitWeights_EqualThePlainLoss()
    {
        var (outputs, labels) = Batch();

        Assert.Equal(MarginLoss.Compute(outputs, labels).item<float>(),
            MarginLoss.Compute(outputs, labels, torch.ones(4), torch.ones(4)).item<float>(), 6);
    }
}
