namespace AdaptiveLoss.Core.Control;

/// <summary>
/// The state per distance bin (docs/retrieval.md, "State"), shaped as the class pairs' (docs/design.md §1.2) so one policy
/// serves both tasks: 2H + 4 features per group. A group is one bin of one polarity (positive pairs first); its features
/// are the last H validation shares of its own polarity in that bin and of the other polarity in the same bin (most recent
/// first, zero-padded, each share × B so that a uniform histogram reads 1), their relative changes (current − mean of the
/// earlier ones)/(mean + ε) clipped to [−3, 3], the bin's weight − 1 (0 at the start, as Φ's off-diagonal entries) and
/// the training progress.
/// </summary>
public sealed class BinStateBuilder
{
    private readonly List<double[]> _observations = [];

    /// <summary>Builder for <paramref name="bins"/> bins keeping <paramref name="history"/> observations.</summary>
    public BinStateBuilder(int bins, int history = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        Bins = bins;
        HistoryLength = history;
    }

    /// <summary>B.</summary>
    public int Bins { get; }

    /// <summary>H.</summary>
    public int HistoryLength { get; }

    /// <summary>2H + 4, the same as the class pairs' (<see cref="PairStateBuilder.FeatureCountFor"/>).</summary>
    public int FeatureCount => PairStateBuilder.FeatureCountFor(HistoryLength);

    /// <summary>The stored observations, oldest first: each the B positive shares then the B negative shares.</summary>
    public IReadOnlyList<double[]> History => _observations.AsReadOnly();

    /// <summary>
    /// Records the validation histograms' shares (each B values in [0, 1]) as the newest observation; a wrong length or a
    /// non-finite or negative share is an <see cref="ArgumentException"/> and changes nothing.
    /// </summary>
    public void Observe(IReadOnlyList<double> positiveShares, IReadOnlyList<double> negativeShares)
    {
        ArgumentNullException.ThrowIfNull(positiveShares);
        ArgumentNullException.ThrowIfNull(negativeShares);
        Observe([.. positiveShares, .. negativeShares]);
    }

    /// <summary>Replaces the history with <paramref name="history"/> (oldest first, each 2B shares; restore from a checkpoint).</summary>
    public void Restore(IEnumerable<double[]> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var checkedHistory = history.ToList();
        if (checkedHistory.Count > HistoryLength)
        {
            throw new ArgumentException($"{checkedHistory.Count} observations, the history keeps {HistoryLength}");
        }

        checkedHistory.ForEach(CheckObservation);
        _observations.Clear();
        _observations.AddRange(checkedHistory.Select(h => (double[])h.Clone()));
    }

    /// <summary>One row per group: positive bins 0..B−1, then negative bins.</summary>
    public float[][] Build(BinWeights weights, double progress)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Bins != Bins)
        {
            throw new ArgumentException($"{weights.Bins} bin weights per polarity, the state builder has {Bins} bins", nameof(weights));
        }

        var rows = new float[2 * Bins][];
        for (var g = 0; g < rows.Length; g++)
        {
            var own = g;
            var other = g < Bins ? g + Bins : g - Bins;
            var row = new float[FeatureCount];
            Fill(row, 0, own);
            Fill(row, HistoryLength, other);
            row[2 * HistoryLength] = (float)RelativeChange(own);
            row[(2 * HistoryLength) + 1] = (float)RelativeChange(other);
            row[(2 * HistoryLength) + 2] = (float)((g < Bins ? weights.Positive(g) : weights.Negative(g - Bins)) - 1);
            row[(2 * HistoryLength) + 3] = (float)progress;
            rows[g] = row;
        }

        return rows;
    }

    private void Observe(double[] observation)
    {
        CheckObservation(observation);
        if (_observations.Count == HistoryLength)
        {
            _observations.RemoveAt(0);
        }

        _observations.Add(observation);
    }

    private void CheckObservation(double[] observation)
    {
        if (observation is null || observation.Length != 2 * Bins)
        {
            throw new ArgumentException($"an observation has {observation?.Length ?? 0} shares, expected {2 * Bins} ({Bins} positive and {Bins} negative bins)");
        }

        if (observation.Any(s => !(double.IsFinite(s) && s >= 0)))
        {
            throw new ArgumentException("a bin share is negative or not finite");
        }
    }

    // Shares × B of the stored observations, most recent first; the rest of the H slots stay 0 (padding).
    private void Fill(float[] row, int offset, int group)
    {
        var newest = _observations.Count - 1;
        for (var k = 0; k <= newest; k++)
        {
            row[offset + k] = (float)(_observations[newest - k][group] * Bins);
        }
    }

    // As the pairs' relative change (docs/design.md §1.2): 0 without an earlier observation.
    private double RelativeChange(int group)
    {
        var count = _observations.Count;
        if (count < 2)
        {
            return 0.0;
        }

        var mean = _observations.Take(count - 1).Average(o => o[group]);
        return Math.Clamp((_observations[^1][group] - mean) / (mean + PairStateBuilder.Epsilon),
            -PairStateBuilder.RelativeChangeLimit, PairStateBuilder.RelativeChangeLimit);
    }
}
