using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// One row of a mismatch task's table: an arm's run read under a view. Every arm is a row of its end view (with its
/// best-validation view beside it); the derived arms are cross-entropy's run under another view and cost no run.
/// </summary>
/// <param name="Name">The row's name (arm, or ce+early-stop / ce+posthoc-la).</param>
/// <param name="Kind">Its role (<see cref="ArmKind"/>).</param>
/// <param name="Description">One line for the tables.</param>
/// <param name="Source">The arm whose run it reads.</param>
/// <param name="View">The view of the row's headline numbers (<see cref="MetricViews"/>).</param>
/// <param name="AtBestValidation">The view beside it (best-validation), or null for derived rows.</param>
/// <param name="Candidate">True when the row may be chosen as the best static baseline.</param>
internal sealed record MismatchRow(string Name, string Kind, string Description, string Source, string View, string? AtBestValidation, bool Candidate)
{
    /// <summary>Cross-entropy early-stopped on the clean validation split (its best-validation window).</summary>
    public const string EarlyStop = "ce+early-stop";

    /// <summary>Cross-entropy with post-hoc logit adjustment by the training priors (long-tail tasks).</summary>
    public const string PostHocLa = "ce+posthoc-la";

    /// <summary>
    /// The rows of <paramref name="task"/>: its arms in run order, with the derived arms after cross-entropy. Candidates
    /// for the best static baseline: cross-entropy, its early-stopped view and the static arms; never the oracle, ALA or
    /// the frozen control, and not the post-hoc view, which has no validation metric to be chosen by.
    /// </summary>
    public static IReadOnlyList<MismatchRow> Of(MismatchTask task, IReadOnlyList<MismatchArm> arms)
    {
        var rows = new List<MismatchRow>();
        foreach (var arm in arms)
        {
            var candidate = arm.Kind is ArmKind.Reference or ArmKind.Static;
            rows.Add(new(arm.Name, arm.Kind, arm.Description, arm.Name, MetricViews.End, MetricViews.BestValidation, candidate));
            if (arm.Name != MismatchArms.CrossEntropy)
            {
                continue;
            }

            rows.Add(new(EarlyStop, ArmKind.Derived, "cross-entropy, early-stopped on the clean validation split (ce's best-validation window)",
                arm.Name, MetricViews.BestValidation, null, Candidate: true));
            if (task.Family.HasFlag(TaskFamily.LongTail))
            {
                rows.Add(new(PostHocLa, ArmKind.Derived, "cross-entropy, post-hoc logit adjustment by the training priors",
                    arm.Name, MetricViews.PostHoc, null, Candidate: false));
            }
        }

        return rows;
    }

    /// <summary>"ARM@VIEW": two rows with the same key read the same numbers.</summary>
    public string Key => $"{Source}@{View}";
}
