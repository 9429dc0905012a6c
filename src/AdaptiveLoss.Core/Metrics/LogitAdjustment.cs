namespace AdaptiveLoss.Core.Metrics;

/// <summary>
/// Post-hoc logit adjustment (Menon et al. 2021, eq. 9): predict arg-max_c of log p_c − τ·log π_c, which moves the
/// decision toward rare classes and, for τ = 1, is Bayes-optimal for the balanced error under a label-shifted prior.
/// </summary>
public static class LogitAdjustment
{
    /// <summary>
    /// Scores s_c = log p_c − τ·log π_c for every row of <paramref name="logProbabilities"/> (n×C row-major), returned
    /// renormalised as log-softmax per row so every metric of <see cref="ClassificationMetrics"/> accepts them.
    /// Throws ArgumentException when the prior count is not C, a prior is not finite, τ is not finite, or the length
    /// is not a multiple of C.
    /// </summary>
    public static float[] Adjust(ReadOnlySpan<float> logProbabilities, int classes, IReadOnlyList<double> logPriors, double tau)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentNullException.ThrowIfNull(logPriors);
        if (logPriors.Count != classes)
        {
            throw new ArgumentException($"expected {classes} log-priors, got {logPriors.Count}", nameof(logPriors));
        }

        if (!double.IsFinite(tau))
        {
            throw new ArgumentException($"τ = {tau} is not finite", nameof(tau));
        }

        for (var c = 0; c < classes; c++)
        {
            if (!double.IsFinite(logPriors[c]))
            {
                throw new ArgumentException($"log-prior of class {c} is {logPriors[c]}, not finite", nameof(logPriors));
            }
        }

        if (logProbabilities.Length % classes != 0)
        {
            throw new ArgumentException(
                $"{logProbabilities.Length} log-probabilities are not a whole number of rows of {classes}", nameof(logProbabilities));
        }

        var result = new float[logProbabilities.Length];
        var scores = new double[classes];
        for (var start = 0; start < logProbabilities.Length; start += classes)
        {
            // Log-sum-exp shifted by the row maximum so exp never overflows.
            var max = double.NegativeInfinity;
            for (var c = 0; c < classes; c++)
            {
                scores[c] = logProbabilities[start + c] - (tau * logPriors[c]);
                max = Math.Max(max, scores[c]);
            }

            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                sum += Math.Exp(scores[c] - max);
            }

            var logNormaliser = max + Math.Log(sum);
            for (var c = 0; c < classes; c++)
            {
                result[start + c] = (float)(scores[c] - logNormaliser);
            }
        }

        return result;
    }
}
