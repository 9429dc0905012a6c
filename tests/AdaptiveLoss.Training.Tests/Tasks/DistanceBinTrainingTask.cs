using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Models;
using AdaptiveLoss.Training.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Tests.Tasks;

/// <summary>
/// The TorchSharp side of <see cref="DistanceBinTask"/>: an 8-dimensional embedding pulled towards a fixed centre per
/// class, each sample's squared distance weighted by its bin's weight (near: d &lt; 1); the metric is the
/// nearest-centre error and the observation each bin's share of the validation samples.
/// </summary>
internal sealed class DistanceBinTrainingTask(TaskData data) : ITrainingTask
{
    private const int Dimensions = 8;
    private readonly Tensor _centres = torch.eye(Dimensions).narrow(0, 0, data.Classes).mul(3.0);

    public DistanceBinTask Bins { get; } = new();

    public ILossTask Control => Bins;

    public MetricDirection Direction => MetricDirection.LowerIsBetter;

    public int Refreshes { get; private set; }

    public nn.Module<Tensor, Tensor> CreateModel() => ModelFactory.Create(ModelKind.Mlp, data.InputShape, Dimensions);

    public void Refresh() => Refreshes++;

    public Tensor Loss(Tensor outputs, Tensor targets, bool warmup)
    {
        var distance = Distances(outputs, targets);
        var near = distance.lt(1.0).to_type(ScalarType.Float32);
        var (w0, w1) = warmup ? (1.0, 1.0) : (Bins.Weights[0], Bins.Weights[1]);
        var weight = near.mul(w0 - w1).add(w1);
        return weight.mul(distance).mean();
    }

    public Evaluation Evaluate(nn.Module<Tensor, Tensor> model)
    {
        var (error, shares, maxAbs) = Measure(model, data.ValidationImages, data.ValidationLabels);
        return new BinEvaluation(error, error, maxAbs, shares);
    }

    public double[]? GroupRewards(Evaluation evaluation) => null;

    public void Observe(Evaluation evaluation) => Bins.Observe(((BinEvaluation)evaluation).Shares);

    public MetricSet TestMetrics(nn.Module<Tensor, Tensor> model)
    {
        var error = Measure(model, data.TestImages, data.TestLabels).Error;
        return new MetricSet(error, error, 1 - error, 0, []);
    }

    public (MetricSet Raw, MetricSet PostHoc) Test(nn.Module<Tensor, Tensor> model) => (TestMetrics(model), TestMetrics(model));

    public void Dispose() => _centres.Dispose();

    private Tensor Distances(Tensor outputs, Tensor targets) => outputs.sub(_centres.index_select(0, targets)).pow(2).sum(1);

    private (double Error, double[] Shares, double MaxAbs) Measure(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels)
    {
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var outputs = model.call(images);
            var all = outputs.unsqueeze(1).sub(_centres.unsqueeze(0)).pow(2).sum(2);
            var error = all.argmin(1).ne(labels).to_type(ScalarType.Float64).mean().item<double>();
            var near = Distances(outputs, labels).lt(1.0).to_type(ScalarType.Float64).mean().item<double>();
            return (error, [near, 1 - near], outputs.abs().max().to_type(ScalarType.Float64).item<double>());
        }
        finally
        {
            model.train();
        }
    }

    /// <summary>The evaluation with this task's observation: each bin's share of the samples.</summary>
    internal sealed record BinEvaluation(double Metric, double Error, double MaxAbsLogit, double[] Shares)
        : Evaluation(Metric, Error, MaxAbsLogit);
}
