namespace AdaptiveLoss.Core.Data;

/// <summary>Per-class weights and priors of a (long-tailed) training split.</summary>
public static class ClassBalance
{
    /// <summary>
    /// Class-balanced weights of Cui et al. 2019 (eq. 3–4): w_c ∝ 1/E_{n_c} = (1−β)/(1−β^{n_c}), where the effective
    /// number E_n = (1−β^n)/(1−β) discounts overlapping samples. Normalised so the present classes' weights sum to their
    /// count (Σ_c w_c = C when every class has images); a class with no images gets 0. β = 0 gives all 1 and β → 1
    /// approaches inverse frequency. Throws ArgumentOutOfRangeException for β outside [0, 1) and ArgumentException for
    /// a negative count.
    /// </summary>
    public static double[] Weights(IReadOnlyList<int> counts, double beta)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!(beta >= 0 && beta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must lie in [0, 1)");
        }

        var weights = new double[counts.Count];
        var sum = 0.0;
        var present = 0;
        for (var c = 0; c < counts.Count; c++)
        {
            RequireNonNegative(counts, c);
            if (counts[c] == 0)
            {
                continue;
            }

            weights[c] = (1 - beta) / (1 - Math.Pow(beta, counts[c]));
            sum += weights[c];
            present++;
        }

        for (var c = 0; c < weights.Length; c++)
        {
            weights[c] = present == 0 ? 0 : weights[c] * present / sum;
        }

        return weights;
    }

    /// <summary>
    /// Log-priors log π_c = log(n_c/Σn), for logit adjustment (Menon et al. 2021). A class with no images gets the floor
    /// log(0.5/Σn), half an image, so the prior stays finite. Throws ArgumentException for a negative count or no images.
    /// </summary>
    public static double[] LogPriors(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = 0L;
        for (var c = 0; c < counts.Count; c++)
        {
            RequireNonNegative(counts, c);
            total += counts[c];
        }

        if (total == 0)
        {
            throw new ArgumentException("no images: every class count is 0", nameof(counts));
        }

        var priors = new double[counts.Count];
        for (var c = 0; c < counts.Count; c++)
        {
            priors[c] = Math.Log((counts[c] == 0 ? 0.5 : counts[c]) / (double)total);
        }

        return priors;
    }

    private static void RequireNonNegative(IReadOnlyList<int> counts, int c)
    {
        if (counts[c] < 0)
        {
            throw new ArgumentException($"class {c} has a negative count ({counts[c]})", nameof(counts));
        }
    }
}
