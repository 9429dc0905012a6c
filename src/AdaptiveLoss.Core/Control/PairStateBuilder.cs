namespace AdaptiveLoss.Core.Control;

/// <summary>
/// The 24-feature state per class pair (docs/design.md §1.2): the last H (= 10) observations of (C_ij, C_ji), most recent
/// first, zero-padded (20); their relative change (current − mean of the earlier ones)/(that mean + ε), clipped to
/// [−3, 3] (2); Φ[i,j] (1); training progress (1). C values enter as log1p(C) (scaling, measured: raw values up to
/// ~20 saturate an untrained policy). Feature count = 2H + 4.
/// </summary>
public sealed partial class PairStateBuilder
{
    /// <summary>ε of the relative change (docs/design.md §1.2).</summary>
    public const double Epsilon = 1e-8;

    /// <summary>Bound of the relative-change features: clipped to [−3, 3] (docs/design.md §1.2, scaling).</summary>
    public const double RelativeChangeLimit = 3.0;

    private readonly int _classes;
    private readonly int _history;
    private readonly List<double[,]> _observations = [];

    /// <summary>Builder for <paramref name="classes"/> classes keeping <paramref name="history"/> observations.</summary>
    public PairStateBuilder(int classes, int history = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        _classes = classes;
        _history = history;
    }

    /// <summary>Number of classes C.</summary>
    public int Classes => _classes;

    /// <summary>H: observations kept.</summary>
    public int HistoryLength => _history;

    /// <summary>2H + 4.</summary>
    public int FeatureCount => FeatureCountFor(_history);

    /// <summary>The features of one group for a history of <paramref name="history"/> steps: 2H + 4 (docs/design.md §1.2).</summary>
    public static int FeatureCountFor(int history) => (2 * history) + 4;

    /// <summary>
    /// Records one soft-confusion matrix C (C×C, row = true class) as the newest observation (a copy is kept).
    /// Throws ArgumentException on a wrong shape or a non-finite entry: a NaN in the state would poison the shared
    /// policy, so non-finite measurements must be caught by the guards (docs/design.md §1.7) before they get here.
    /// </summary>
    public void Observe(double[,] softConfusion)
    {
        ArgumentNullException.ThrowIfNull(softConfusion);
        if (softConfusion.GetLength(0) != _classes || softConfusion.GetLength(1) != _classes)
        {
            throw new ArgumentException(
                $"soft confusion must be {_classes}×{_classes}, got {softConfusion.GetLength(0)}×{softConfusion.GetLength(1)}",
                nameof(softConfusion));
        }

        foreach (var value in softConfusion)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"soft confusion has a non-finite entry ({value})", nameof(softConfusion));
            }
        }

        if (_observations.Count == _history)
        {
            _observations.RemoveAt(0);
        }

        _observations.Add((double[,])softConfusion.Clone());
    }

    /// <summary>Replaces the history with <paramref name="history"/> (oldest first; restore from a checkpoint).</summary>
    public void Restore(IEnumerable<double[,]> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        _observations.Clear();
        foreach (var observation in history)
        {
            Observe(observation);
        }
    }

    /// <summary>One row of features per pair, in <see cref="ClassPairs"/> order.</summary>
    public float[][] Build(LossParameters phi, double progress)
    {
        ArgumentNullException.ThrowIfNull(phi);
        if (phi.Classes != _classes)
        {
            throw new ArgumentException($"Φ has {phi.Classes} classes, the state builder {_classes}", nameof(phi));
        }

        var rows = new float[ClassPairs.Count(_classes)][];
        var pair = 0;
        foreach (var (i, j) in ClassPairs.Enumerate(_classes))
        {
            var row = new float[FeatureCount];
            FillHistory(row, 0, i, j);
            FillHistory(row, _history, j, i);
            row[2 * _history] = (float)RelativeChange(i, j);
            row[(2 * _history) + 1] = (float)RelativeChange(j, i);
            row[(2 * _history) + 2] = (float)phi[i, j];
            row[(2 * _history) + 3] = (float)progress;
            rows[pair++] = row;
        }

        return rows;
    }

    /// <summary>The stored observations, oldest first (for checkpoints).</summary>
    public IReadOnlyList<double[,]> History => _observations.AsReadOnly();

    // log1p(C_ab) of the stored observations, most recent first; the rest of the H slots stay 0 (padding).
    private void FillHistory(float[] row, int offset, int a, int b) => FillSeries(row, offset, observation => observation[a, b]);

    // (current − mean of the earlier stored observations)/(mean + ε) on raw C, clipped to [−3, 3]; 0 without history.
    private double RelativeChange(int a, int b) => RelativeChange(observation => observation[a, b]);
}
