namespace AdaptiveLoss.Benchmarks.Statistics;

/// <summary>
/// The paired difference of two arms seed by seed (child i of every arm has seed S + i, so the same initialisation
/// and data order): arm − reference on the seeds both completed, in percentage points.
/// </summary>
/// <param name="Seeds">The common seeds, ascending.</param>
/// <param name="Differences">arm − reference per common seed (percentage points).</param>
/// <param name="Summary">Mean and sample std of the differences.</param>
/// <param name="Interval">95 % t-interval of the mean difference; null with fewer than two pairs.</param>
internal sealed record PairedDifference(
    IReadOnlyList<int> Seeds,
    IReadOnlyList<double> Differences,
    Summary Summary,
    ConfidenceInterval? Interval)
{
    /// <summary>
    /// Pairs <paramref name="arm"/> with <paramref name="reference"/> (both seed → test error in percent). Seeds that
    /// only one side has are left out: a children-N variant pairs with the reference's first N seeds.
    /// </summary>
    public static PairedDifference Of(IReadOnlyDictionary<int, double> arm, IReadOnlyDictionary<int, double> reference)
    {
        var seeds = arm.Keys.Where(reference.ContainsKey).Order().ToArray();
        var differences = seeds.Select(seed => arm[seed] - reference[seed]).ToArray();
        var summary = Summary.Of(differences);
        return new PairedDifference(seeds, differences, summary, ConfidenceInterval.Of(summary));
    }
}
