namespace AdaptiveLoss.Core.Options;

/// <summary>The rules of sibling rounds (docs/credit.md, "Sibling rounds").</summary>
public static partial class ExperimentOptionsValidator
{
    private static void SiblingProblems(ExperimentOptions o, List<ValidationError> errors)
    {
        void Add(string setting, string problem, params string[] mentions) => errors.Add(new ValidationError(setting, problem, mentions));
        if (o.Siblings is < 1 or > OptionLimits.MaxSiblings)
        {
            Add(nameof(o.Siblings), Range(o.Siblings, 1, OptionLimits.MaxSiblings));
            return;
        }

        if ((long)o.Children * o.Siblings > OptionLimits.MaxChildren && o.Children <= OptionLimits.MaxChildren)
        {
            Add(nameof(o.Siblings), $"gives {(long)o.Children * o.Siblings} branches ({{0}} {o.Children} × {o.Siblings}); at most {OptionLimits.MaxChildren} take part in a round",
                nameof(o.Children));
        }

        if (o.Siblings > 1 && o.Loss != LossMode.Ala)
        {
            // The siblings of a window differ only in their actions; a static loss takes none, so they would be copies.
            Add(nameof(o.Siblings), "branches differ only in the policy's actions, so they need {0} ala", nameof(o.Loss));
        }

        if (o.Siblings > 1 && o.Baseline != BaselineKind.Population)
        {
            // A sibling's baseline is the mean of its siblings' rewards in the same round: a population baseline.
            Add(nameof(o.Siblings), "compares each branch with its siblings of the round: it needs {0} population", nameof(o.Baseline));
        }

        if (o.Antithetic && (o.Siblings < 2 || o.Siblings % 2 != 0))
        {
            Add(nameof(o.Antithetic), $"mirrors sibling 2k into 2k + 1, so it needs an even {{0}} of at least 2 (got {o.Siblings})", nameof(o.Siblings));
        }
    }
}
