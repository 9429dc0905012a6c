using AdaptiveLoss.Benchmarks.Results;

namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The tasks of the mismatch benchmark, fixed before running: one line each. Fashion-MNIST, ten classes everywhere;
/// validation and test labels stay clean and, for the long tails, balanced (what the metric measures).
/// </summary>
internal static class MismatchTasks
{
    /// <summary>Every task, in report order.</summary>
    public static IReadOnlyList<MismatchTask> All { get; } =
    [
        new("clean", TaskFamily.Clean, RunMetrics.ErrorName, "balanced classes, clean labels (no mismatch: the control task)", []),
        new("longtail10", TaskFamily.LongTail, RunMetrics.BalancedErrorName, "long-tailed training classes, ratio 10, balanced error", ["--imbalance", "10", "--metric", "balanced-error"]),
        new("longtail100", TaskFamily.LongTail, RunMetrics.BalancedErrorName, "long-tailed training classes, ratio 100, balanced error", ["--imbalance", "100", "--metric", "balanced-error"]),
        new("pairflip0.4", TaskFamily.Noise | TaskFamily.PairFlip, RunMetrics.ErrorName, "40 % pair-flip label noise on the training split", ["--label-noise", "pairflip:0.4"]),
        new("symmetric0.4", TaskFamily.Noise, RunMetrics.ErrorName, "40 % symmetric label noise on the training split", ["--label-noise", "symmetric:0.4"]),
        // The CNN task overrides the budget's model and epochs (3 epochs = the default run's budget) and runs the arms that
        // matter on this task only: a CNN run costs about 5× an MLP run of the same epochs on 2 cores.
        new("pairflip0.4-cnn", TaskFamily.Noise | TaskFamily.PairFlip, RunMetrics.ErrorName, "40 % pair-flip label noise, small CNN, 3 epochs",
            ["--label-noise", "pairflip:0.4", "--model", "cnn", "--epochs", "3"], ["ce", "ls0.2", "forward", "phi-all0.2", "ala", "frozen"]),
    ];

    /// <summary>The task called <paramref name="name"/>, or null.</summary>
    public static MismatchTask? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
