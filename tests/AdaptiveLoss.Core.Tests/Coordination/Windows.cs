using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Core.Tests.Coordination;

/// <summary>Synthetic window reports for driving a coordinator directly.</summary>
internal static class Windows
{
    public const int Features = 24;

    public static float[][] States(int groups = 3) =>
        [.. Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, Features).Select(f => (float)((g + f) % 5) / 5f).ToArray())];

    public static WindowReport Report(string childId, int window, double reward, bool discarded = false) =>
        new(childId, window, 0, window + 1L, 10, [0.5], 0.5, reward, 0, States(), [0, 1, 2], discarded,
            discarded ? "non-finite loss" : null, new PhiStats(0, 0, 0), 1.0, 100, 0.5);
}
