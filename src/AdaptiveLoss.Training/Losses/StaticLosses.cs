using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Losses;

/// <summary>
/// The static losses practitioners pick for a loss–metric mismatch (docs/mismatch.md), as tensor forms on logits
/// z [B, C] and integer targets y [B], averaged over the batch. Like <see cref="ParametricLoss"/>, helpers return fresh
/// tensors, never dispose their inputs, and use only gather/index_select/elementwise ops (no matmul, toolchain.md).
/// </summary>
public static class StaticLosses
{
    /// <summary>Label smoothing: mean of (1 − ε)·(−log p_y) + ε·mean_j(−log p_j), the uniform-target form of PyTorch's cross_entropy.</summary>
    public static Tensor LabelSmoothing(Tensor logits, Tensor targets, double epsilon)
    {
        using var scope = torch.NewDisposeScope();
        var logP = nn.functional.log_softmax(logits, 1);
        var nll = logP.gather(1, targets.unsqueeze(1)).squeeze(1).neg();
        var uniform = logP.mean([1L]).neg();
        return nll.mul(1 - epsilon).add(uniform.mul(epsilon)).mean().MoveToOuterDisposeScope();
    }

    /// <summary>Focal loss (Lin et al. 2017): mean of −(1 − p_y)^γ log p_y; γ = 0 is cross-entropy.</summary>
    public static Tensor Focal(Tensor logits, Tensor targets, double gamma)
    {
        using var scope = torch.NewDisposeScope();
        var logPy = nn.functional.log_softmax(logits, 1).gather(1, targets.unsqueeze(1)).squeeze(1);
        // (1 − p_y) clamped at 0: exp(log p_y) may round a hair above 1, and a negative base breaks a fractional power.
        var modulating = logPy.exp().neg().add(1.0).clamp_min(0.0).pow(gamma);
        return modulating.mul(logPy).neg().mean().MoveToOuterDisposeScope();
    }

    /// <summary>Weighted cross-entropy, mean over the batch of w_y·(−log p_y); <paramref name="weights"/> [C] (class-balanced: Cui et al. 2019).</summary>
    public static Tensor Weighted(Tensor logits, Tensor targets, Tensor weights)
    {
        using var scope = torch.NewDisposeScope();
        var nll = nn.functional.log_softmax(logits, 1).gather(1, targets.unsqueeze(1)).squeeze(1).neg();
        return nll.mul(weights.index_select(0, targets)).mean().MoveToOuterDisposeScope();
    }

    /// <summary>Logit-adjusted loss (Menon et al. 2021, Eq. 10): cross-entropy of z + τ·log π; <paramref name="logPriors"/> [C].</summary>
    public static Tensor LogitAdjusted(Tensor logits, Tensor targets, Tensor logPriors, double tau)
    {
        using var scope = torch.NewDisposeScope();
        var adjusted = logits.add(logPriors.mul(tau).unsqueeze(0));
        return nn.functional.cross_entropy(adjusted, targets).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Forward correction (Patrini et al. 2017, Thm. 2): −log q_y with q = softmax(z)·T, i.e. q_y = Σ_k p_k T[k, y] — the
    /// model's clean posterior pushed through the noise T[clean, noisy] [C, C] to predict the noisy label it is trained on.
    /// </summary>
    public static Tensor Forward(Tensor logits, Tensor targets, Tensor transition)
    {
        using var scope = torch.NewDisposeScope();
        var p = nn.functional.softmax(logits, 1);
        // Row b of T^t picked by y_b is column y_b of T: [B, C], then Σ_k p_k T[k, y_b] as an elementwise product.
        var column = transition.t().index_select(0, targets);
        var noisy = p.mul(column).sum(1);
        // q_y ≥ p_y·T[y,y] > 0 while T keeps its diagonal positive; the floor guards a zero column of a user's T.
        return noisy.clamp_min(1e-12).log().neg().mean().MoveToOuterDisposeScope();
    }
}
