using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Losses;

/// <summary>
/// The margin loss with distance-weighted sampling (Wu et al. 2017, "Sampling matters in deep embedding learning") and its
/// parametric version (docs/retrieval.md, "The parametric margin loss"). On a batch of L2-normalised embeddings:
/// ℓ_ij = max(0, α + y_ij (D_ij − β)) with y = +1 for a positive pair and −1 for a negative one, α = 0.2 and a fixed
/// β = 1.2. Every positive pair counts; each anchor's negatives are weighted ∝ 1/q(d) with
/// q(d) ∝ d^{n−2} (1 − d²/4)^{(n−3)/2} (n = the embedding's dimension; d clipped below at 0.5, weight 0 beyond the
/// 1.4 where ℓ is 0), normalised per anchor and scaled by its positives: the expectation of drawing one negative per
/// positive pair, without the draw's noise. The parametric version multiplies each pair's term by Φ of its distance
/// bin (positive or negative weights); the sum is divided by twice the number of positive pairs.
/// </summary>
internal static class MarginLoss
{
    /// <summary>α, the margin.</summary>
    public const double Alpha = 0.2;

    /// <summary>β, the fixed boundary between positive and negative distances.</summary>
    public const double Boundary = 1.2;

    /// <summary>Distances are clipped below at this before weighting (Wu et al.'s cutoff: the weight would explode at 0).</summary>
    public const double CutOff = 0.5;

    /// <summary>Negatives at or beyond α + β have a zero loss, so they get no weight.</summary>
    public const double NonZeroLossCutOff = Alpha + Boundary;

    /// <summary>Pairwise Euclidean distances of the rows of <paramref name="unit"/> (L2-normalised), [n, n]; the diagonal is ~1e-4.</summary>
    public static Tensor Distances(Tensor unit) => Distances(unit, unit);

    /// <summary>Euclidean distances of the unit rows of <paramref name="queries"/> [q, D] to those of <paramref name="gallery"/> [n, D], [q, n].</summary>
    public static Tensor Distances(Tensor queries, Tensor gallery)
    {
        using var k = new HeldScalars();
        return queries.mm(gallery.t()).mul(k[-2]).add_(k[2]).clamp_min_(k[1e-8]).sqrt_();
    }

    /// <summary>
    /// The batch loss on raw <paramref name="outputs"/> [n, D] and <paramref name="labels"/> [n]; null weights is the plain
    /// margin loss, else <paramref name="positive"/> and <paramref name="negative"/> are the B bin weights [B].
    /// </summary>
    public static Tensor Compute(Tensor outputs, Tensor labels, Tensor? positive = null, Tensor? negative = null)
    {
        using var k = new HeldScalars();
        var n = outputs.shape[0];
        var dimensions = outputs.shape[1];
        var unit = nn.functional.normalize(outputs, p: 2, dim: 1);
        var d = Distances(unit);
        var same = labels.unsqueeze(1).eq(labels.unsqueeze(0));
        var self = torch.eye(n, dtype: ScalarType.Bool, device: outputs.device);
        var positives = same.logical_and(self.logical_not()).to_type(d.dtype);
        var negatives = same.logical_not();

        var positiveTerm = d.sub(k[Boundary]).add(k[Alpha]).relu();
        var negativeTerm = d.neg().add(k[Boundary + Alpha]).relu();
        if (positive is not null && negative is not null)
        {
            var bins = BinsOf(d.detach(), positive.shape[0]);
            positiveTerm = positiveTerm.mul(positive.index_select(0, bins.flatten()).view(n, n));
            negativeTerm = negativeTerm.mul(negative.index_select(0, bins.flatten()).view(n, n));
        }

        var weights = NegativeWeights(d.detach(), negatives, dimensions);
        var perAnchorPositives = positives.sum(1, keepdim: true);
        var positiveLoss = positiveTerm.mul(positives).sum();
        var negativeLoss = negativeTerm.mul(weights).mul(perAnchorPositives).sum();
        return positiveLoss.add(negativeLoss).div(perAnchorPositives.sum().mul(k[2]).clamp_min(k[1]));
    }

    /// <summary>Each pair's distance bin among <paramref name="bins"/> over [0, 2] (Core's DistanceBins.Of), int64.</summary>
    public static Tensor BinsOf(Tensor distances, long bins)
    {
        using var k = new HeldScalars();
        return distances.mul(k[bins / 2.0]).floor_().clamp_(k[0], k[bins - 1]).to_type(ScalarType.Int64);
    }

    // 1/q(d) over each anchor's usable negatives (Wu et al. 2017, Eq. 3–4), in log space against overflow, normalised per row;
    // a row with no usable negative is all zero.
    private static Tensor NegativeWeights(Tensor d, Tensor negatives, long dimensions)
    {
        using var k = new HeldScalars();
        var clipped = d.clamp_min(k[CutOff]);
        var logInverseQ = clipped.log().mul(k[2.0 - dimensions])
            .sub(clipped.pow(k[2]).mul(k[-0.25]).add_(k[1]).clamp_min_(k[1e-8]).log_().mul(k[(dimensions - 3) / 2.0]));
        var usable = negatives.logical_and(d.lt(k[NonZeroLossCutOff]));
        var masked = logInverseQ.masked_fill(usable.logical_not(), k[double.NegativeInfinity]);
        var rowMax = masked.max(1, keepdim: true).values.nan_to_num(0, 0, 0);
        var weights = masked.sub(rowMax).exp().mul(usable.to_type(d.dtype));
        return weights.div(weights.sum(1, keepdim: true).clamp_min(k[1e-12]));
    }
}
