using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Reporting.Tests;

/// <summary>Hand-made grain answers: an experiment "exp" of 3 children (completed, completed, failed) on 3 classes.</summary>
internal static class Statuses
{
    public const string Id = "exp";
    public const int Classes = 3;

    public static ExperimentOptions Options { get; } = new() { Children = 3, Epochs = 2, Seed = 7, Beta = 0.05, Window = 50 };

    public static WindowSummary Window(int window, double error, int[] actions, long total = 8, string? discard = null) =>
        new(window, (int)(window * 2L / total), window + 1L, total, error, error, 0.1 * window, window, 0.5, 1000, 0.01 * window,
            discard, actions);

    public static ChildStatus Completed(int index, double validation, double test, double offDiagonal, int windows = 8)
    {
        var ws = Enumerable.Range(0, windows).Select(w => Window(w, validation + (0.01 * (windows - w)), [w % 3, 2, 1])).ToArray();
        double[] phi = [1, offDiagonal, 0, offDiagonal, 1, -offDiagonal, 0, -offDiagonal, 1];
        var outcome = new ChildOutcome($"{Id}/{index}", Options.Seed + index, Classes, validation, validation, test, test, windows, 0,
            new PhiStats(-offDiagonal, offDiagonal, 2 * offDiagonal), phi, 3.0);
        return new ChildStatus($"{Id}/{index}", ChildState.Completed, ws, outcome, null);
    }

    public static ChildStatus Failed(int index, int windows) =>
        new($"{Id}/{index}", ChildState.Failed, Enumerable.Range(0, windows).Select(w => Window(w, 0.5, [0, 0, 3])).ToArray(), null,
            "InvalidOperationException: boom");

    public static ExperimentStatus Experiment() =>
        new(Id, ExperimentState.Completed, [Completed(0, 0.12, 0.13, 0.04), Completed(1, 0.10, 0.11, 0.08), Failed(2, 3)], 12.5);

    public static PolicySummary Policy() => new(Id, 8, 8, 19, 8, 1,
    [
        new RewardRecord(1, $"{Id}/0", 0, 0.5, 0), new RewardRecord(1, $"{Id}/1", 0, -0.25, 0),
        new RewardRecord(1, "other/0", 0, 9.0, 0), new RewardRecord(2, $"{Id}/0", 1, 1.0, 1),
        new RewardRecord(2, $"{Id}/1", 1, 0.0, 1), new RewardRecord(3, $"{Id}/0", 2, -0.5, 2),
    ]);
}
