using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>Synthetic window reports for driving a coordinator directly.</summary>
internal static class Reports
{
    public const int Features = 24;

    public static float[][] States(int groups = 3) =>
        [.. Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, Features).Select(f => (float)((g + f) % 5) / 5f).ToArray())];

    public static WindowReport Window(string childId, int window, double reward, long version = 0, bool discarded = false) =>
        new(childId, window, 0, window + 1L, 10, [0.5], 0.5, reward, version, States(), [0, 1, 2], discarded,
            discarded ? "non-finite loss" : null, new PhiStats(0, 0, 0), 1.0, 100, 0.5);
}
