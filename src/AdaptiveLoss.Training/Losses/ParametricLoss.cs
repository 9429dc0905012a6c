using AdaptiveLoss.Core.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Losses;

/// <summary>
/// Tensor forms of the parametric classification loss l_Φ (docs/design.md §1.1) on logits z [B, C], integer targets y [B] and
/// Φ [C, C] (same dtype and device as the logits), averaged over the batch. Helpers return fresh tensors and never
/// dispose their inputs; only gather/index_select/elementwise ops are used (no matmul, toolchain.md).
/// </summary>
public static class ParametricLoss
{
    /// <summary>
    /// The loss the children train under: plain cross-entropy for <see cref="LossMode.Ce"/> (and during warm-up, where
    /// the caller passes Ce), otherwise <paramref name="form"/> with Φ (for <see cref="LossMode.Fixed"/> Φ stays I).
    /// </summary>
    public static Tensor Compute(LossMode mode, LossForm form, Tensor logits, Tensor targets, Tensor phi) => mode switch
    {
        LossMode.Ce => CrossEntropy(logits, targets),
        _ => form switch
        {
            LossForm.Pairwise => Pairwise(logits, targets, phi),
            LossForm.Sigmoid => Sigmoid(logits, targets, phi),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown loss form"),
        },
    };

    /// <summary>Mean cross-entropy −log p_y.</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets) => nn.functional.cross_entropy(logits, targets);

    /// <summary>
    /// The bounded pair-wise form, mean over the batch of
    /// −log p_y + Σ_{j≠y} [max(Φ[y,j], 0)·(−log p_j) + max(−Φ[y,j], 0)·(−log(1 − p_j))], p = softmax(z).
    /// At Φ = I it is cross-entropy; every term is ≥ 0, so it is bounded below by 0.
    /// </summary>
    public static Tensor Pairwise(Tensor logits, Tensor targets, Tensor phi) => PairwisePerSample(logits, targets, phi).mean();

    /// <summary>The paper's form, mean over the batch of −σ(Σ_j Φ[y,j]·log p_j); at Φ = I it is −σ(−CE).</summary>
    public static Tensor Sigmoid(Tensor logits, Tensor targets, Tensor phi) => SigmoidPerSample(logits, targets, phi).mean();

    /// <summary><see cref="Pairwise"/> before the batch mean: [B].</summary>
    public static Tensor PairwisePerSample(Tensor logits, Tensor targets, Tensor phi)
    {
        using var scope = torch.NewDisposeScope();
        var logP = nn.functional.log_softmax(logits, 1);
        var target = targets.unsqueeze(1);
        var trueClass = logP.gather(1, target).squeeze(1).neg();
        // Φ[y, :] with the diagonal entry masked out: only j ≠ y enter the sum.
        var isTarget = nn.functional.one_hot(targets, logits.shape[1]).to_type(ScalarType.Bool);
        var offDiagonal = phi.index_select(0, targets).masked_fill(isTarget, 0.0);
        var pull = offDiagonal.clamp_min(0.0).mul(logP.neg()).sum(1);
        var push = offDiagonal.neg().clamp_min(0.0).mul(LogOneMinusP(logits).neg()).sum(1);
        return trueClass.add(pull).add(push).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Sigmoid"/> before the batch mean: [B].</summary>
    public static Tensor SigmoidPerSample(Tensor logits, Tensor targets, Tensor phi)
    {
        using var scope = torch.NewDisposeScope();
        var logP = nn.functional.log_softmax(logits, 1);
        var weighted = phi.index_select(0, targets).mul(logP).sum(1);
        return torch.sigmoid(weighted).neg().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// log(1 − p_j) for every class, computed stably as logsumexp_{k≠j} z_k − logsumexp_k z_k: exact even when p_j
    /// rounds to 1 in float32 (where log1p(−p_j) would give −∞). [B, C].
    /// </summary>
    public static Tensor LogOneMinusP(Tensor logits)
    {
        using var scope = torch.NewDisposeScope();
        var classes = logits.shape[1];
        // [C, C] mask with −∞ on the diagonal: row j of z + mask drops class j from the logsumexp.
        var diagonal = torch.eye(classes, dtype: ScalarType.Bool, device: logits.device);
        var mask = torch.zeros(classes, classes, dtype: logits.dtype, device: logits.device)
            .masked_fill(diagonal, double.NegativeInfinity);
        var others = logits.unsqueeze(1).add(mask).logsumexp(2);
        return others.sub(logits.logsumexp(1, keepdim: true)).MoveToOuterDisposeScope();
    }
}
