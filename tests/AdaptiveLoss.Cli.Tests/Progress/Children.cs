using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Tests.Progress;

/// <summary>Hand-made child statuses for the progress views.</summary>
internal static class Children
{
    /// <summary>Window index <paramref name="window"/> (0-based) at <paramref name="iteration"/> of <paramref name="total"/>.</summary>
    public static WindowSummary Window(int window, long iteration, long total = 1000, string? discard = null) =>
        new(window, 0, iteration, total, 0.2, 0.1234, 0.52, 5, 0.4, 4812, 0.1, discard, [1, 2, 3]);

    public static ChildStatus Running(int index, params WindowSummary[] windows) =>
        new($"exp/{index}", ChildState.Running, windows, null, null);

    public static ChildStatus Completed(int index, double testError, params WindowSummary[] windows) =>
        new($"exp/{index}", ChildState.Completed, windows,
            new ChildOutcome($"exp/{index}", 1 + index, 10, 0.1, 0.1, testError, testError, windows.Length, 0, new PhiStats(0, 0, 0), new double[100], 1),
            null);

    public static ChildStatus Failed(int index, string error, params WindowSummary[] windows) =>
        new($"exp/{index}", ChildState.Failed, windows, null, error);
}
