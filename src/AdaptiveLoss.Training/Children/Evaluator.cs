using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children;

/// <summary>
/// Evaluates a model on a split in chunks, in eval mode and without gradients, one dispose scope per chunk; only the
/// log-probabilities leave the scopes, as a C# array, and the metrics are Core's (docs/design.md §1.2, §1.5).
/// </summary>
internal static class Evaluator
{
    /// <summary>
    /// Images per forward pass: 250 keeps a CNN chunk's largest activation (conv1: 250 × 16 × 28 × 28 floats, 12.5 MB)
    /// under glibc's mmap threshold (<see cref="ChildTuning.MmapThresholdBytes"/>), so evaluation reuses heap memory
    /// instead of faulting in fresh pages every chunk; 1000 (50 MB) is the costs suite's "before" arm.
    /// </summary>
    public static int ChunkSize => ChildTuning.Enabled ? 250 : 1000;

    /// <summary>The validation evaluation; <paramref name="pairShares"/> adds each pair's share of the metric (pair credit).</summary>
    public static ClassificationEvaluation Evaluate(nn.Module<Tensor, Tensor> model, Tensor images, int[] labels, int classes,
        MetricKind metric, Device device, bool pairShares = false)
    {
        var (logProbabilities, maxAbsLogit) = LogProbabilities(model, images, classes, device);
        return new ClassificationEvaluation(
            ClassificationMetrics.Evaluate(metric, logProbabilities, labels, classes),
            ClassificationMetrics.Error(logProbabilities, labels, classes),
            maxAbsLogit,
            ClassificationMetrics.SoftConfusion(logProbabilities, labels, classes),
            pairShares ? ClassificationMetrics.PairShares(logProbabilities, labels, classes, metric) : null);
    }

    /// <summary>
    /// Every metric on a split, raw and after post-hoc logit adjustment (Menon et al. 2021, Eq. 8: arg max of
    /// log p − τ·log π with π the training priors), and the experiment metric of the raw predictions.
    /// </summary>
    public static (MetricSet Raw, MetricSet PostHoc) EvaluateAll(nn.Module<Tensor, Tensor> model, Tensor images, int[] labels,
        int classes, DataSummary data, double tau, Device device)
    {
        var (logProbabilities, _) = LogProbabilities(model, images, classes, device);
        var adjusted = LogitAdjustment.Adjust(logProbabilities, classes, ClassBalance.LogPriors(data.TrainClassCounts), tau);
        return (MetricSet.Compute(logProbabilities, labels, classes), MetricSet.Compute(adjusted, labels, classes));
    }

    /// <summary>Every metric of the model on a split, without post-hoc adjustment (the best-validation window's test record).</summary>
    public static MetricSet Metrics(nn.Module<Tensor, Tensor> model, Tensor images, int[] labels, int classes, Device device) =>
        MetricSet.Compute(LogProbabilities(model, images, classes, device).LogProbabilities, labels, classes);

    /// <summary>log-softmax of the model on every image, n×C row-major, and the largest |logit| (NaN if any logit is NaN).</summary>
    public static (float[] LogProbabilities, double MaxAbsLogit) LogProbabilities(nn.Module<Tensor, Tensor> model, Tensor images,
        int classes, Device device)
    {
        var count = images.shape[0];
        var logProbabilities = new float[count * classes];
        var maxAbsLogit = 0.0;
        TorchThreads.Apply();
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            for (long start = 0; start < count; start += ChunkSize)
            {
                using var scope = torch.NewDisposeScope();
                var length = Math.Min(ChunkSize, count - start);
                var logits = model.call(images.narrow(0, start, length).to(device));
                // Math.Max propagates NaN, so a NaN logit reaches the guard.
                maxAbsLogit = Math.Max(maxAbsLogit, logits.abs().max().to_type(ScalarType.Float64).item<double>());
                var logP = nn.functional.log_softmax(logits, 1).to_type(ScalarType.Float32).cpu();
                logP.data<float>().CopyTo(logProbabilities.AsSpan((int)(start * classes), (int)(length * classes)));
            }
        }
        finally
        {
            model.train();
        }

        return (logProbabilities, maxAbsLogit);
    }
}
