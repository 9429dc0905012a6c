using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Options;

/// <summary>Cross-field checks of <see cref="ExperimentOptions"/>; each message names the option and the bad value.</summary>
public static class ExperimentOptionsValidator
{
    /// <summary>Classes of every task so far (Fashion-MNIST, MNIST-format folders, CIFAR-10): the upper bound of --classes.</summary>
    public const int MaxClasses = 10;

    /// <summary>Every problem found, in option order; empty when the options are valid.</summary>
    public static IReadOnlyList<string> Validate(ExperimentOptions o)
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(o.Children >= 1, $"--children must be at least 1 (got {o.Children})");
        Check(o.Epochs >= 1, $"--epochs must be at least 1 (got {o.Epochs})");
        Check(o.Window >= 1, $"--window must be at least 1 (got {o.Window})");
        Check(o.Beta > 0 && double.IsFinite(o.Beta), $"--beta must be a positive number (got {o.Beta})");
        Check(o.PhiMax > 0 && double.IsFinite(o.PhiMax), $"--phi-max must be a positive number (got {o.PhiMax})");
        Check(o.TrainLimit is null or >= 1, $"--train-limit must be at least 1 (got {o.TrainLimit})");
        Check(o.BatchSize >= 1, $"--batch-size must be at least 1 (got {o.BatchSize})");
        Check(o.LearningRate > 0, $"--lr must be positive (got {o.LearningRate})");
        Check(o.ValidationSize >= 1, $"--validation-size must be at least 1 (got {o.ValidationSize})");
        Check(o.HistoryLength >= 1, $"--history must be at least 1 (got {o.HistoryLength})");
        Check(o.EvaluationsPerWindow >= 1, $"--evals-per-window must be at least 1 (got {o.EvaluationsPerWindow})");
        Check(o.Gamma is > 0 and <= 1, $"--gamma must be in (0, 1] (got {o.Gamma})");
        Check(o.PolicyHidden >= 1, $"--policy-hidden must be at least 1 (got {o.PolicyHidden})");
        Check(o.PolicyLearningRate > 0, $"--policy-lr must be positive (got {o.PolicyLearningRate})");
        Check(o.ReplayCapacity >= 0, $"--replay-capacity must be at least 0 (got {o.ReplayCapacity})");
        Check(o.ReplaySample >= 0, $"--replay-sample must be at least 0 (got {o.ReplaySample})");
        Check(o.EmaDecay is >= 0 and < 1, $"--ema-decay must be in [0, 1) (got {o.EmaDecay})");
        Check(o.RoundTimeoutSeconds > 0, $"--round-timeout must be positive (got {o.RoundTimeoutSeconds})");
        Check(o.WarmupEpochs >= 0 && o.WarmupEpochs < o.Epochs, $"--warmup-epochs must be in [0, epochs) (got {o.WarmupEpochs})");
        Check(o.CollapseFactor > 1, $"--collapse-factor must be above 1 (got {o.CollapseFactor})");
        Check(o.Classes is null or (>= 2 and <= MaxClasses), $"--classes must be in 2..{MaxClasses} (got {o.Classes})");
        Check(o.SnapshotEvery >= 1, $"--snapshot-every must be at least 1 (got {o.SnapshotEvery})");
        if (o.InitialPolicy is { } p)
        {
            var features = PairStateBuilder.FeatureCountFor(o.HistoryLength);
            Check(p.Inputs == features,
                $"--policy {p.Reference} takes {p.Inputs} state features, this run has {features} (--history {o.HistoryLength}; a policy needs --history {(p.Inputs - 4) / 2})");
            Check(p.Hidden == o.PolicyHidden, $"--policy {p.Reference} has {p.Hidden} hidden units, --policy-hidden is {o.PolicyHidden}");
        }

        MismatchProblems(o, errors);
        Check(o.Device is "cpu" or "cuda", $"--device must be cpu or cuda (got '{o.Device}')");
        Check(o.Task != TaskKind.Idx || o.DataDirectory is not null, "--task idx needs --data DIR");
        Check(o.Task != TaskKind.Cifar10 || o.DataDirectory is not null, "--task cifar10 needs --data DIR");
        return errors;
    }

    /// <summary>The classes every split of the run has: the task's, or <see cref="ExperimentOptions.Classes"/>.</summary>
    public static int ClassesOf(ExperimentOptions o) => o.Classes ?? MaxClasses;

    // The data transforms and static losses of docs/mismatch.md: each message names the flag, as the rest do.
    private static void MismatchProblems(ExperimentOptions o, List<string> errors)
    {
        var classes = ClassesOf(o);
        if (o.Imbalance is { } ratio && !(ratio >= 1 && double.IsFinite(ratio)))
        {
            errors.Add($"--imbalance must be a number of at least 1 (got {ratio})");
        }

        try
        {
            LongTail.ParseOrder(o.ImbalanceOrder, classes, o.DataSeed);
        }
        catch (FormatException ex)
        {
            errors.Add($"--imbalance-order: {ex.Message}");
        }

        if (o.ResolvedLabelNoise()?.Problem(classes) is { } noise)
        {
            errors.Add($"--label-noise: {noise}");
        }

        if (o.Smoothing is not (>= 0 and < 1))
        {
            errors.Add($"--smoothing must be in [0, 1) (got {o.Smoothing})");
        }

        if (!(o.FocalGamma >= 0 && double.IsFinite(o.FocalGamma)))
        {
            errors.Add($"--focal-gamma must be a number of at least 0 (got {o.FocalGamma})");
        }

        if (o.ClassBalanceBeta is not (>= 0 and < 1))
        {
            errors.Add($"--cb-beta must be in [0, 1) (got {o.ClassBalanceBeta})");
        }

        if (!double.IsFinite(o.Tau))
        {
            errors.Add($"--tau must be a finite number (got {o.Tau})");
        }

        if (!(o.OffsetBeta > 0 && double.IsFinite(o.OffsetBeta)))
        {
            errors.Add($"--offset-beta must be a positive number (got {o.OffsetBeta})");
        }

        if (!(o.OffsetMax > 0 && double.IsFinite(o.OffsetMax)))
        {
            errors.Add($"--offset-max must be a positive number (got {o.OffsetMax})");
        }

        if (o.ClassOffsets && o.Loss is not (LossMode.Ala or LossMode.Fixed))
        {
            errors.Add("--class-offsets moves δ beside Φ, so it needs --loss ala (or fixed, where δ stays 0)");
        }

        if (o.Loss == LossMode.Forward && o.LabelNoise is null)
        {
            errors.Add("--loss forward corrects with the true noise matrix, so it needs --label-noise");
        }

        if (o.Phi is { } phi && PhiMatrix.Problem(phi, classes, o.Loss == LossMode.Ala ? o.PhiMax : null) is { } problem)
        {
            errors.Add($"--phi: {problem}");
        }
    }
}
