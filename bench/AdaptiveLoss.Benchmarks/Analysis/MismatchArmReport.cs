namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>One row of a mismatch task: an arm (or a derived arm), its compute and its headline test metric.</summary>
/// <param name="Arm">Row name.</param>
/// <param name="Kind">reference, static, oracle, ala, frozen or derived.</param>
/// <param name="Description">What it is.</param>
/// <param name="Source">The arm whose run it reads (itself, or ce for the derived arms).</param>
/// <param name="Present">False when that run has no results.json (not run, still running, or failed).</param>
/// <param name="Command">The command: bench-run.json's when ./bench.sh ran it, else the benchmark's definition.</param>
/// <param name="CommandSource">"bench-run.json" or "definition".</param>
/// <param name="ChildEpochs">Compute of its run in child-epochs (results.json's childEpochs, else children × epochs);
/// a derived arm shows its source run's and costs nothing on top.</param>
/// <param name="ValidationMetric">Mean over the children of the validation metric its headline view was reached by
/// (fractions, in the run's metric); null for the post-hoc view.</param>
/// <param name="Headline">The headline view (end for arms; the derived view for derived arms); null when absent.</param>
/// <param name="AtBestValidation">The arm at its best-validation window; null for derived arms or when absent.</param>
internal sealed record MismatchArmReport(
    string Arm,
    string Kind,
    string Description,
    string Source,
    bool Present,
    string Command,
    string CommandSource,
    int? ChildEpochs,
    double? ValidationMetric,
    MismatchView? Headline,
    MismatchView? AtBestValidation);
