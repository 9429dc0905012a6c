using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Losses;

/// <summary>
/// The loss one child trains under, with the constants its mode needs built once on the child's device: class weights
/// (class-balanced), log-priors (logit-adjusted) and the true noise matrix (forward correction). Owns those tensors.
/// </summary>
public sealed class ChildLoss : IDisposable
{
    private readonly ChildSettings _options;
    private readonly Tensor? _weights;
    private readonly Tensor? _logPriors;
    private readonly Tensor? _transition;

    /// <summary>
    /// The loss of <paramref name="options"/> for a training split with <paramref name="trainClassCounts"/> images per
    /// (observed) class; <paramref name="classes"/> = C.
    /// </summary>
    public ChildLoss(ChildSettings options, int classes, IReadOnlyList<int> trainClassCounts, Device device)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _weights = options.Loss == LossMode.ClassBalanced
            ? Vector(ClassBalance.Weights(trainClassCounts, options.ClassBalanceBeta), device)
            : null;
        _logPriors = options.Loss == LossMode.LogitAdjusted ? Vector(ClassBalance.LogPriors(trainClassCounts), device) : null;
        _transition = options.Loss == LossMode.Forward
            ? Matrix(options.ResolvedLabelNoise()!.TransitionMatrix(classes), device)
            : null;
    }

    /// <summary>
    /// The batch loss. <paramref name="mode"/> is the options' loss, or <see cref="LossMode.Ce"/> during warm-up;
    /// <paramref name="phi"/> [C, C] is used by the parametric modes (ala, fixed) only.
    /// </summary>
    public Tensor Compute(LossMode mode, Tensor logits, Tensor targets, Tensor phi) => mode switch
    {
        LossMode.LabelSmoothing => StaticLosses.LabelSmoothing(logits, targets, _options.Smoothing),
        LossMode.Focal => StaticLosses.Focal(logits, targets, _options.FocalGamma),
        LossMode.ClassBalanced => StaticLosses.Weighted(logits, targets, _weights!),
        LossMode.LogitAdjusted => StaticLosses.LogitAdjusted(logits, targets, _logPriors!, _options.Tau),
        LossMode.Forward => StaticLosses.Forward(logits, targets, _transition!),
        _ => ParametricLoss.Compute(mode, _options.LossForm, logits, targets, phi),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _weights?.Dispose();
        _logPriors?.Dispose();
        _transition?.Dispose();
    }

    private static Tensor Vector(double[] values, Device device)
    {
        using var cpu = torch.tensor(values.Select(v => (float)v).ToArray());
        return cpu.to(device, copy: true).DetachFromDisposeScope();
    }

    private static Tensor Matrix(double[,] values, Device device)
    {
        var rows = values.GetLength(0);
        var flat = new float[values.Length];
        var k = 0;
        foreach (var v in values)
        {
            flat[k++] = (float)v;
        }

        using var cpu = torch.tensor(flat, new long[] { rows, values.GetLength(1) });
        return cpu.to(device, copy: true).DetachFromDisposeScope();
    }
}
