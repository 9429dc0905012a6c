namespace AdaptiveLoss.Grains;

/// <summary>A light record of one window for progress lines and status tables (no state tensors).</summary>
/// <param name="Window">Window index.</param>
/// <param name="Epoch">Epoch, 0-based.</param>
/// <param name="Iteration">Iterations done.</param>
/// <param name="TotalIterations">Iterations of the whole run.</param>
/// <param name="WindowMetric">Discounted validation metric M̄ of the window.</param>
/// <param name="ValidationError">Validation error at the window end.</param>
/// <param name="Reward">r_t.</param>
/// <param name="PolicyVersion">Version of the policy that chose the window's actions.</param>
/// <param name="TrainLoss">Mean training loss of the window.</param>
/// <param name="ImagesPerSecond">Training throughput of the window.</param>
/// <param name="PhiNorm">‖Φ − I‖_F after the window's actions.</param>
/// <param name="DiscardReason">Why a guard discarded the window; null when it counted.</param>
/// <param name="ActionCounts">How many groups took each action in the window's decision, indexed like
/// <c>ActionSet</c>: [0] = −β, [1] = 0, [2] = +β.</param>
/// <param name="PhiPairs">Φ after the window's actions, compact: Φ[i,j] for the class pairs i &lt; j in row-major order
/// (the policy's pair groups; Φ is symmetric with a unit diagonal, so this is all of it), float32; null where the loss
/// uses no class-pair Φ (retrieval, the non-Φ baselines) and in summaries stored before it (docs/mismatch.md,
/// "Distance from the best static Φ").</param>
[GenerateSerializer, Immutable, Alias("adaptive-loss.window-summary")]
public sealed record WindowSummary(
    [property: Id(0)] int Window,
    [property: Id(1)] int Epoch,
    [property: Id(2)] long Iteration,
    [property: Id(3)] long TotalIterations,
    [property: Id(4)] double WindowMetric,
    [property: Id(5)] double ValidationError,
    [property: Id(6)] double Reward,
    [property: Id(7)] long PolicyVersion,
    [property: Id(8)] double TrainLoss,
    [property: Id(9)] double ImagesPerSecond,
    [property: Id(10)] double PhiNorm,
    [property: Id(11)] string? DiscardReason,
    [property: Id(12)] int[] ActionCounts,
    [property: Id(13)] float[]? PhiPairs = null);
