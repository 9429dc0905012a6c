using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>The scalars of one child's window as TensorBoard charts them, with the tags documented in docs/cli.md ("TensorBoard").</summary>
public static class WindowScalars
{
    /// <summary>Mean training loss of the window.</summary>
    public const string TrainLoss = "train/loss";

    /// <summary>Validation error at the window's end.</summary>
    public const string ValidationError = "validation/error";

    /// <summary>The reward r_t of the window.</summary>
    public const string Reward = "reward";

    /// <summary>‖Φ − I‖_F after the window's actions.</summary>
    public const string PhiNorm = "phi/norm";

    /// <summary>Training throughput of the window.</summary>
    public const string ImagesPerSecond = "throughput/images_per_second";

    /// <summary>1 when a guard discarded the window (the child was rolled back), else 0.</summary>
    public const string Discarded = "guard/discarded";

    /// <summary>
    /// The scalars of <paramref name="window"/>, in a fixed order. With a metric other than error,
    /// <c>validation/&lt;metric&gt;</c> (e.g. <c>validation/f1</c>) adds the window's discounted validation metric M̄
    /// (Eq. 4, what the reward is computed from).
    /// </summary>
    public static IReadOnlyList<TensorBoardScalar> For(WindowSummary window, MetricKind metric)
    {
        ArgumentNullException.ThrowIfNull(window);
        var scalars = new List<TensorBoardScalar>
        {
            new(TrainLoss, (float)window.TrainLoss),
            new(ValidationError, (float)window.ValidationError),
        };
        if (metric != MetricKind.Error)
        {
            scalars.Add(new(MetricTag(metric), (float)window.WindowMetric));
        }

        scalars.Add(new(Reward, (float)window.Reward));
        scalars.Add(new(PhiNorm, (float)window.PhiNorm));
        scalars.Add(new(ImagesPerSecond, (float)window.ImagesPerSecond));
        scalars.Add(new(Discarded, window.DiscardReason is null ? 0f : 1f));
        return scalars;
    }

    /// <summary>The tag of the experiment's metric: <c>validation/f1</c>, <c>validation/aucpr</c>.</summary>
    public static string MetricTag(MetricKind metric) => "validation/" + metric.ToString().ToLowerInvariant();
}
