using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Options;

/// <summary>
/// Cross-field checks of <see cref="ExperimentOptions"/>; each error names the setting (the property) and the bad value, so
/// a grain, the silo and the CLI (which shows the flag of each setting) all report it in their own words.
/// </summary>
public static partial class ExperimentOptionsValidator
{
    /// <summary>Classes of every task so far (Fashion-MNIST, MNIST-format folders, CIFAR-10): the upper bound of <see cref="ExperimentOptions.Classes"/>.</summary>
    public const int MaxClasses = 10;

    /// <summary>Every problem found, in option order; empty when the options are valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(ExperimentOptions o)
    {
        var errors = new List<ValidationError>();
        void Check(bool ok, string setting, string problem, params string[] mentions)
        {
            if (!ok)
            {
                errors.Add(new ValidationError(setting, problem, mentions));
            }
        }

        // Upper bounds: OptionLimits (a shared silo must not be exhaustible by one client's options).
        Check(o.Children is >= 1 and <= OptionLimits.MaxChildren, nameof(o.Children), Range(o.Children, 1, OptionLimits.MaxChildren));
        Check(o.Epochs is >= 1 and <= OptionLimits.MaxEpochs, nameof(o.Epochs), Range(o.Epochs, 1, OptionLimits.MaxEpochs));
        Check(o.Window >= 1, nameof(o.Window), $"must be at least 1 (got {o.Window})");
        Check(o.Beta > 0 && double.IsFinite(o.Beta), nameof(o.Beta), $"must be a positive number (got {o.Beta})");
        Check(o.PhiMax > 0 && double.IsFinite(o.PhiMax), nameof(o.PhiMax), $"must be a positive number (got {o.PhiMax})");
        Check(o.TrainLimit is null or >= 1, nameof(o.TrainLimit), $"must be at least 1 (got {o.TrainLimit})");
        Check(o.BatchSize is >= 1 and <= OptionLimits.MaxBatchSize, nameof(o.BatchSize), Range(o.BatchSize, 1, OptionLimits.MaxBatchSize));
        Check(o.LearningRate > 0 && double.IsFinite(o.LearningRate), nameof(o.LearningRate), $"must be a positive number (got {o.LearningRate})");
        Check(o.ValidationSize >= 1, nameof(o.ValidationSize), $"must be at least 1 (got {o.ValidationSize})");
        Check(o.HistoryLength is >= 1 and <= OptionLimits.MaxHistoryLength, nameof(o.HistoryLength), Range(o.HistoryLength, 1, OptionLimits.MaxHistoryLength));
        Check(o.EvaluationsPerWindow is >= 1 and <= OptionLimits.MaxEvaluationsPerWindow, nameof(o.EvaluationsPerWindow),
            Range(o.EvaluationsPerWindow, 1, OptionLimits.MaxEvaluationsPerWindow));
        // Evaluation points are iterations of the window (WindowPlan.EvaluationPoints): more than K would repeat them.
        Check(o.Window < 1 || o.EvaluationsPerWindow > OptionLimits.MaxEvaluationsPerWindow || o.EvaluationsPerWindow <= o.Window, nameof(o.EvaluationsPerWindow), $"must be at most {{0}} {o.Window} (got {o.EvaluationsPerWindow})",
            nameof(o.Window));
        Check(o.Gamma is > 0 and <= 1, nameof(o.Gamma), $"must be in (0, 1] (got {o.Gamma})");
        errors.AddRange(PolicySettings.From(o).NumericProblems());

        Check(o.WarmupEpochs >= 0 && o.WarmupEpochs < o.Epochs, nameof(o.WarmupEpochs), $"must be in [0, {{0}}) (got {o.WarmupEpochs})", nameof(o.Epochs));
        Check(o.CollapseFactor > 1 && double.IsFinite(o.CollapseFactor), nameof(o.CollapseFactor), $"must be a number above 1 (got {o.CollapseFactor})");
        // A guard at 0 rolls back every window (every logit exceeds it): the run would end with untrained models.
        Check(o.MaxLogit > 0 && double.IsFinite(o.MaxLogit), nameof(o.MaxLogit), $"must be a positive number (got {o.MaxLogit})");
        Check(o.Classes is null or (>= 2 and <= MaxClasses), nameof(o.Classes), $"must be in 2..{MaxClasses} (got {o.Classes})");
        if (o.InitialPolicy is { } p)
        {
            var features = PairStateBuilder.FeatureCountFor(o.HistoryLength);
            Check(p.Inputs == features, nameof(o.InitialPolicy),
                $"{p.Reference} takes {p.Inputs} state features, this run has {features} ({{0}} {o.HistoryLength}; a policy needs {{0}} {(p.Inputs - 4) / 2})",
                nameof(o.HistoryLength));
            Check(p.Hidden == o.PolicyHidden, nameof(o.InitialPolicy), $"{p.Reference} has {p.Hidden} hidden units, {{0}} is {o.PolicyHidden}", nameof(o.PolicyHidden));
        }

        SiblingProblems(o, errors);
        MismatchProblems(o, errors);
        TaskMetricProblems(o, errors);
        Check(o.Device is "cpu" or "cuda", nameof(o.Device), $"must be cpu or cuda (got '{o.Device}')");
        Check(o.Task != TaskKind.Idx || o.DataDirectory is not null, nameof(o.Task), "idx needs {0}", nameof(o.DataDirectory));
        Check(o.Task != TaskKind.Cifar10 || o.DataDirectory is not null, nameof(o.Task), "cifar10 needs {0}", nameof(o.DataDirectory));
        return errors;
    }

    /// <summary>"must be in LOW..HIGH (got V)": the one wording of every bounded whole-number setting.</summary>
    public static string Range(long value, long low, long high) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be in {low}..{high} (got {value})");

    private static ValidationError? CreditProblem(ExperimentOptions o) =>
        o.Loss != LossMode.Ala ? new(nameof(o.Credit), "pair credits the policy's actions, so it needs {0} ala", nameof(o.Loss))
        : o.Metric is not (MetricKind.Error or MetricKind.BalancedError)
            ? new(nameof(o.Credit), "pair needs a metric that is a sum over class pairs: {0} error or balanced-error", nameof(o.Metric))
        : o.PhiGroups != PhiGroupKind.Pairs ? new(nameof(o.Credit), "pair credits each class pair, so it needs {0} pairs", nameof(o.PhiGroups))
        : o.ClassOffsets ? new(nameof(o.Credit), "pair has no share of the metric for the class offsets; drop {0}", nameof(o.ClassOffsets))
        : o.Baseline != BaselineKind.Population ? new(nameof(o.Credit), "pair compares each pair with the same pair of the round: it needs {0} population", nameof(o.Baseline))
        : null;

    /// <summary>The classes every split of the run has: the task's, or <see cref="ExperimentOptions.Classes"/>.</summary>
    public static int ClassesOf(ExperimentOptions o) => o.Classes ?? MaxClasses;

    // The data transforms and static losses of docs/mismatch.md: each error names the setting, as the rest do.
    private static void MismatchProblems(ExperimentOptions o, List<ValidationError> errors)
    {
        var classes = ClassesOf(o);
        if (o.Imbalance is { } ratio && !(ratio >= 1 && double.IsFinite(ratio)))
        {
            errors.Add(new(nameof(o.Imbalance), $"must be a number of at least 1 (got {ratio})"));
        }

        try
        {
            LongTail.ParseOrder(o.ImbalanceOrder, classes, o.DataSeed);
        }
        catch (FormatException ex)
        {
            errors.Add(new(nameof(o.ImbalanceOrder), $": {ex.Message}"));
        }

        if (o.ResolvedLabelNoise()?.Problem(classes) is { } noise)
        {
            errors.Add(new(nameof(o.LabelNoise), $": {noise}"));
        }

        if (o.Smoothing is not (>= 0 and < 1))
        {
            errors.Add(new(nameof(o.Smoothing), $"must be in [0, 1) (got {o.Smoothing})"));
        }

        if (!(o.FocalGamma >= 0 && double.IsFinite(o.FocalGamma)))
        {
            errors.Add(new(nameof(o.FocalGamma), $"must be a number of at least 0 (got {o.FocalGamma})"));
        }

        if (o.ClassBalanceBeta is not (>= 0 and < 1))
        {
            errors.Add(new(nameof(o.ClassBalanceBeta), $"must be in [0, 1) (got {o.ClassBalanceBeta})"));
        }

        if (!double.IsFinite(o.Tau))
        {
            errors.Add(new(nameof(o.Tau), $"must be a finite number (got {o.Tau})"));
        }

        if (!(o.OffsetBeta > 0 && double.IsFinite(o.OffsetBeta)))
        {
            errors.Add(new(nameof(o.OffsetBeta), $"must be a positive number (got {o.OffsetBeta})"));
        }

        if (!(o.OffsetMax > 0 && double.IsFinite(o.OffsetMax)))
        {
            errors.Add(new(nameof(o.OffsetMax), $"must be a positive number (got {o.OffsetMax})"));
        }

        if (o.ClassOffsets && o.Loss is not (LossMode.Ala or LossMode.Fixed))
        {
            errors.Add(new(nameof(o.ClassOffsets), "moves δ beside Φ, so it needs {0} ala (or fixed, where δ stays 0)", nameof(o.Loss)));
        }

        if (o.PhiGroups != PhiGroupKind.Pairs && o.Loss != LossMode.Ala)
        {
            errors.Add(new(nameof(o.PhiGroups), "groups the policy's actions on Φ, so it needs {0} ala", nameof(o.Loss)));
        }

        // A pair's share of the metric exists for sums over pairs only (ClassificationMetrics.PairShares), and a
        // per-pair baseline needs the pairs of a round side by side (docs/credit.md).
        if (o.Credit == CreditKind.Pair && o.Task != TaskKind.Retrieval && CreditProblem(o) is { } credit)
        {
            errors.Add(credit);
        }

        if (o.Loss == LossMode.Forward && o.LabelNoise is null)
        {
            errors.Add(new(nameof(o.Loss), "forward corrects with the true noise matrix, so it needs {0}", nameof(o.LabelNoise)));
        }

        if (o.Phi is { } phi && PhiMatrix.Problem(phi, classes, o.Loss == LossMode.Ala ? o.PhiMax : null) is { } problem)
        {
            errors.Add(new(nameof(o.Phi), $": {problem}"));
        }
    }
}
