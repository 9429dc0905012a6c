using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Control;

/// <summary>
/// Classification as an <see cref="ILossTask"/>: groups are class pairs, the state comes from the validation soft
/// confusion matrix, actions move Φ symmetrically. Under every mode but <see cref="LossMode.Ala"/> actions are ignored
/// and Φ stays at Φ_0 (the baselines run the same orchestration). Its <see cref="LossTaskState"/> is Φ row-major, δ and
/// the soft-confusion history, each C×C row-major.
/// </summary>
public sealed class ClassPairTask : ILossTask
{
    private readonly ChildSettings _options;

    /// <summary>Task for <paramref name="classes"/> classes under <paramref name="options"/>.</summary>
    public ClassPairTask(int classes, ChildSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // Φ_0 = I, or the user's fixed Φ (--phi): a static arm of the pairwise family, or ALA's starting point.
        Phi = options.Phi is { } phi ? new LossParameters(classes, PhiMatrix.ToRowMajor(phi)) : new LossParameters(classes);
        States = new PairStateBuilder(classes, options.HistoryLength);
        Offsets = options.ClassOffsets ? new ClassOffsets(classes) : null;
        Credit = options.Credit == CreditKind.Pair ? new PairCredit(ClassPairs.Count(classes)) : null;
    }

    /// <summary>Each pair's difference reward under <see cref="CreditKind.Pair"/> (docs/credit.md), else null.</summary>
    public PairCredit? Credit { get; }

    /// <summary>The per-class logit offsets δ when <see cref="ChildSettings.ClassOffsets"/> is on (groups after the pairs), else null.</summary>
    public ClassOffsets? Offsets { get; }

    /// <summary>Φ (read-only view for the loss; mutate only through <see cref="ApplyActions"/>).</summary>
    public LossParameters Phi { get; }

    /// <summary>The state history.</summary>
    public PairStateBuilder States { get; }

    /// <inheritdoc />
    public int GroupCount => PhiGroupCount + (Offsets?.Classes ?? 0);

    // The groups that act on Φ: every class pair, or one for all of them (ExperimentOptions.PhiGroups).
    private int PhiGroupCount => AllPairs ? 1 : ClassPairs.Count(Phi.Classes);

    private bool AllPairs => _options.PhiGroups == PhiGroupKind.All;

    /// <inheritdoc />
    public int FeatureCount => States.FeatureCount;

    /// <summary>
    /// Records the validation soft confusion matrix measured at a window end and, under pair credit, the pairs' shares of
    /// the metric (<see cref="Metrics.ClassificationMetrics.PairShares"/>).
    /// </summary>
    public void Observe(double[,] softConfusion, IReadOnlyList<double>? pairShares = null)
    {
        if (Credit is null)
        {
            States.Observe(softConfusion);
            return;
        }

        // Both checked before either is recorded, so a bad measurement changes nothing.
        Credit.Check(pairShares ?? throw new ArgumentException("pair credit needs the pairs' shares of the metric", nameof(pairShares)));
        States.Observe(softConfusion);
        Credit.Observe(pairShares);
    }

    /// <inheritdoc />
    public float[][] BuildStates(double progress)
    {
        var pairs = States.Build(Phi, progress);
        float[][] phiRows = AllPairs ? [MeanRow(pairs)] : pairs;
        return Offsets is null ? phiRows : [.. phiRows, .. States.BuildClasses(Offsets, progress)];
    }

    /// <inheritdoc />
    public void ApplyActions(IReadOnlyList<int> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (_options.Loss == LossMode.Ala && actions.Count == GroupCount)
        {
            // Every index is checked before anything moves, so a bad action leaves Φ and δ as they were.
            foreach (var action in actions)
            {
                ActionSet.Delta(action, _options.Beta);
            }

            var groups = PhiGroupCount;
            // One decision for all pairs moves every off-diagonal entry by the same ±β (clipped per entry as always).
            var pairActions = AllPairs
                ? Enumerable.Repeat(actions[0], ClassPairs.Count(Phi.Classes)).ToArray()
                : actions.Take(groups).ToArray();
            Phi.Apply(pairActions, _options.Beta, _options.PhiMax);
            Offsets?.Apply(actions.Skip(groups).ToArray(), _options.OffsetBeta, _options.OffsetMax);
            return;
        }

        // Baselines run the same orchestration but keep Φ at Φ_0; a wrong count is still a caller bug.
        if (actions.Count != GroupCount)
        {
            throw new ArgumentException(
                $"expected {GroupCount} actions ({(AllPairs ? "one for all class pairs" : $"one per class pair of {Phi.Classes} classes")}{(Offsets is null ? "" : " and one per class")}), got {actions.Count}", nameof(actions));
        }
    }

    /// <inheritdoc />
    public PhiStats ParameterStats() => Phi.Stats();

    /// <inheritdoc />
    public bool IsFinite() => Phi.IsFinite() && Offsets?.IsFinite() != false;

    /// <inheritdoc />
    public LossTaskState Save() => new(Phi.ToArray(), Offsets?.ToArray(), [.. States.History.Select(Flatten)], Credit?.Last);

    /// <inheritdoc />
    public void Check(LossTaskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // Checked on scratch copies, so a bad state changes nothing here.
        new LossParameters(Phi.Classes).Load(state.Parameters);
        if (Offsets is not null && state.Offsets is not null)
        {
            new ClassOffsets(Offsets.Classes).Load(state.Offsets);
        }

        if (state.History.Length > States.HistoryLength)
        {
            throw new ArgumentException($"{state.History.Length} observations, the history keeps {States.HistoryLength}");
        }

        new PairStateBuilder(Phi.Classes, States.HistoryLength).Restore(Matrices(state.History));
        if (Credit is not null && state.Shares is not null)
        {
            Credit.Check(state.Shares);
        }
    }

    /// <inheritdoc />
    public void Load(LossTaskState state)
    {
        Check(state);
        Phi.Load(state.Parameters);
        // A checkpoint written without class offsets resumes with δ = 0.
        Offsets?.Load(state.Offsets ?? new double[Offsets.Classes]);
        States.Restore(Matrices(state.History));
        // A checkpoint written under global credit resumes without shares: the next window reports a global reward.
        Credit?.Restore(state.Shares);
    }

    // The state of the all-pairs group: the mean of the pairs' rows, feature by feature (the same layout, so the policy's
    // input size does not change).
    private static float[] MeanRow(float[][] rows)
    {
        var mean = new float[rows[0].Length];
        foreach (var row in rows)
        {
            for (var f = 0; f < mean.Length; f++)
            {
                mean[f] += row[f] / rows.Length;
            }
        }

        return mean;
    }

    private IEnumerable<double[,]> Matrices(double[][] history) => history.Select(h => Matrix(h, Phi.Classes));

    private static double[] Flatten(double[,] matrix) => matrix.Cast<double>().ToArray();

    // A C×C matrix from its row-major copy; ArgumentException on a wrong length.
    private static double[,] Matrix(double[] rowMajor, int classes)
    {
        if (rowMajor is null || rowMajor.Length != classes * classes)
        {
            throw new ArgumentException($"a history entry has {rowMajor?.Length ?? 0} values, expected {classes * classes}");
        }

        var matrix = new double[classes, classes];
        Buffer.BlockCopy(rowMajor, 0, matrix, 0, rowMajor.Length * sizeof(double));
        return matrix;
    }
}
