using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Rewards;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Losses;
using AdaptiveLoss.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Tasks;

/// <summary>
/// Classification as an <see cref="ITrainingTask"/> (docs/design.md §1.1–1.2): C logits, the loss of the options' mode
/// under Φ [C, C] and the class offsets δ, the validation soft confusion as the observation, metrics from the
/// log-probabilities. The pure part is <see cref="ClassPairTask"/>.
/// </summary>
internal sealed class ClassificationTask : ITrainingTask
{
    private readonly ChildSettings _options;
    private readonly TaskData _data;
    private readonly Device _device;
    private readonly ClassPairTask _task;
    private readonly ChildLoss _loss;
    private Tensor _phi;
    private Tensor? _offsets;

    /// <summary>The task for <paramref name="data"/> under <paramref name="options"/>, its tensors on <paramref name="device"/>.</summary>
    public ClassificationTask(ChildSettings options, TaskData data, Device device)
    {
        _options = options;
        _data = data;
        _device = device;
        _task = new ClassPairTask(data.Classes, options);
        _phi = PhiTensor();
        _loss = new ChildLoss(options, data.Classes, data.Summary.TrainClassCounts, device);
    }

    /// <inheritdoc />
    public ILossTask Control => _task;

    /// <inheritdoc />
    public MetricDirection Direction => ClassificationMetrics.Direction(_options.Metric);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModel() => ModelFactory.Create(_options.Model, _data.InputShape, _data.Classes);

    /// <summary>Φ and δ as the tensors the loss reads.</summary>
    public void Refresh()
    {
        _phi.Dispose();
        _phi = PhiTensor();
        _offsets?.Dispose();
        _offsets = null;
        if (_task.Offsets is { } offsets)
        {
            using var cpu = torch.tensor(offsets.ToArray().Select(v => (float)v).ToArray());
            _offsets = cpu.to(_device, copy: true).DetachFromDisposeScope();
        }
    }

    /// <inheritdoc />
    public Tensor Loss(Tensor outputs, Tensor targets, bool warmup)
    {
        // Warm-up trains with cross-entropy; the ce/fixed baselines' actions never moved Φ (ClassPairTask).
        var mode = warmup ? LossMode.Ce : _options.Loss;
        // Class offsets (docs/mismatch.md) shift the logits the loss sees, never the ones the model predicts with.
        return _loss.Compute(mode, _offsets is null || mode == LossMode.Ce ? outputs : outputs.add(_offsets), targets, _phi);
    }

    /// <inheritdoc />
    public Evaluation Evaluate(nn.Module<Tensor, Tensor> model) =>
        Evaluator.Evaluate(model, _data.ValidationImages, _data.ValidationLabelArray, _data.Classes, _options.Metric, _device,
            pairShares: _task.Credit is not null);

    /// <inheritdoc />
    public void Observe(Evaluation evaluation)
    {
        var classification = (ClassificationEvaluation)evaluation;
        _task.Observe(classification.SoftConfusion, classification.PairShares);
    }

    /// <inheritdoc />
    public double[]? GroupRewards(Evaluation evaluation) =>
        _task.Credit is { } credit && ((ClassificationEvaluation)evaluation).PairShares is { } shares ? credit.Rewards(shares) : null;

    /// <inheritdoc />
    public MetricSet TestMetrics(nn.Module<Tensor, Tensor> model) =>
        Evaluator.Metrics(model, _data.TestImages, _data.TestLabelArray, _data.Classes, _device);

    /// <inheritdoc />
    public (MetricSet Raw, MetricSet PostHoc) Test(nn.Module<Tensor, Tensor> model) =>
        Evaluator.EvaluateAll(model, _data.TestImages, _data.TestLabelArray, _data.Classes, _data.Summary, _options.Tau, _device);

    /// <inheritdoc />
    public void Dispose()
    {
        _phi.Dispose();
        _offsets?.Dispose();
        _loss.Dispose();
    }

    /// <summary>Φ as a [C, C] float tensor on the child's device, frozen for a window.</summary>
    private Tensor PhiTensor()
    {
        var classes = _data.Classes;
        using var cpu = torch.tensor(_task.Phi.ToRowMajor(), new long[] { classes, classes });
        return cpu.to(_device, copy: true).DetachFromDisposeScope();
    }
}
