using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Losses;
using AdaptiveLoss.Training.Models;
using AdaptiveLoss.Training.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Retrieval;

/// <summary>
/// Metric learning as an <see cref="ITrainingTask"/> (docs/retrieval.md): the options' trunk (MLP, CNN or ResNet) with a
/// D-dimensional output, L2-normalised; the margin loss with distance-weighted sampling under the bin weights Φ; the
/// validation retrieval metrics and distance histograms as the observation; every retrieval metric on the unseen
/// classes' test images. The pure part is <see cref="RetrievalBinTask"/>.
/// </summary>
internal sealed class RetrievalTask : ITrainingTask
{
    private readonly ChildSettings _options;
    private readonly TaskData _data;
    private readonly Device _device;
    private readonly RetrievalBinTask _task;
    private Tensor _positive;
    private Tensor _negative;

    /// <summary>The task for <paramref name="data"/> (training classes only; the test split holds the unseen ones) under <paramref name="options"/>.</summary>
    public RetrievalTask(ChildSettings options, TaskData data, Device device)
    {
        _options = options;
        _data = data;
        _device = device;
        _task = new RetrievalBinTask(options);
        (_positive, _negative) = WeightTensors();
    }

    /// <inheritdoc />
    public ILossTask Control => _task;

    /// <inheritdoc />
    public MetricDirection Direction => MetricDirection.HigherIsBetter;

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModel() => ModelFactory.Create(_options.Model, _data.InputShape, _options.EmbeddingDim);

    /// <inheritdoc />
    public void Refresh()
    {
        _positive.Dispose();
        _negative.Dispose();
        (_positive, _negative) = WeightTensors();
    }

    /// <inheritdoc />
    public Tensor Loss(Tensor outputs, Tensor targets, bool warmup) =>
        // Warm-up trains the plain margin loss (as classification warms up with CE); the fixed arm's weights stay 1.
        warmup ? MarginLoss.Compute(outputs, targets) : MarginLoss.Compute(outputs, targets, _positive, _negative);

    /// <inheritdoc />
    public Evaluation Evaluate(nn.Module<Tensor, Tensor> model)
    {
        var measured = RetrievalEvaluator.Measure(model, _data.ValidationImages, _data.ValidationLabelArray, _options.Bins,
            _options.Metric == MetricKind.Nmi, _device);
        var metric = measured.Metrics.Retrieval?.Get(_options.Metric) ?? double.NaN;
        return new RetrievalEvaluation(metric, measured.Metrics.Error, measured.MaxAbs, measured.PositiveShares, measured.NegativeShares);
    }

    /// <inheritdoc />
    public void Observe(Evaluation evaluation)
    {
        var retrieval = (RetrievalEvaluation)evaluation;
        _task.Observe(retrieval.PositiveShares, retrieval.NegativeShares);
    }

    /// <inheritdoc />
    public double[]? GroupRewards(Evaluation evaluation) => null;

    /// <inheritdoc />
    public MetricSet TestMetrics(nn.Module<Tensor, Tensor> model) =>
        RetrievalEvaluator.Measure(model, _data.TestImages, _data.TestLabelArray, _options.Bins, withNmi: true, _device).Metrics;

    /// <inheritdoc />
    public (MetricSet Raw, MetricSet PostHoc) Test(nn.Module<Tensor, Tensor> model)
    {
        // No post-hoc adjustment exists for retrieval: both are the raw metrics.
        var metrics = TestMetrics(model);
        return (metrics, metrics);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _positive.Dispose();
        _negative.Dispose();
    }

    private (Tensor Positive, Tensor Negative) WeightTensors()
    {
        var bins = _task.Weights.Bins;
        var all = _task.Weights.ToArray().Select(w => (float)w).ToArray();
        using var positive = torch.tensor(all[..bins]);
        using var negative = torch.tensor(all[bins..]);
        return (positive.to(_device, copy: true).DetachFromDisposeScope(), negative.to(_device, copy: true).DetachFromDisposeScope());
    }
}

/// <summary>A retrieval evaluation: <see cref="Evaluation"/> and the validation pair histograms' shares per bin, the state's observation.</summary>
internal sealed record RetrievalEvaluation(double Metric, double Error, double MaxAbsLogit, double[] PositiveShares, double[] NegativeShares)
    : Evaluation(Metric, Error, MaxAbsLogit);
