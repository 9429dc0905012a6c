namespace AdaptiveLoss.Training.Children;

/// <summary>
/// The iteration budget of a run (docs/design.md §1.6): epochs × ⌈n / batch⌉ iterations cut into windows of K (the last may be
/// shorter, windows run across epoch boundaries), each with S validation measurements at evenly spaced points.
/// </summary>
internal sealed record WindowPlan(long IterationsPerEpoch, long TotalIterations, int WindowLength, int Windows)
{
    /// <summary>The plan of a run; the window count in checked arithmetic (the run is refused before it starts when it overflows).</summary>
    /// <exception cref="ArgumentOutOfRangeException">More windows than an int counts.</exception>
    public static WindowPlan Create(long trainCount, int batchSize, int epochs, int window)
    {
        var windows = Core.Options.OptionLimits.WindowsPerChild(trainCount, batchSize, epochs, window)
            ?? throw new ArgumentOutOfRangeException(nameof(epochs), epochs,
                $"{epochs} epochs of {trainCount} images in batches of {batchSize} make more than 2^31 windows of {window}");
        var perEpoch = (trainCount + batchSize - 1) / batchSize;
        return new WindowPlan(perEpoch, perEpoch * epochs, window, (int)windows);
    }

    /// <summary>First iteration (0-based) of window <paramref name="w"/>.</summary>
    public long Start(int w) => (long)w * WindowLength;

    /// <summary>Iterations in window <paramref name="w"/>.</summary>
    public int Length(int w) => (int)Math.Min(WindowLength, TotalIterations - Start(w));

    /// <summary>Epoch (0-based) that iteration <paramref name="iteration"/> (0-based) belongs to.</summary>
    public int EpochOf(long iteration) => (int)(Math.Min(iteration, TotalIterations - 1) / IterationsPerEpoch);

    /// <summary>
    /// The S measurement points of a window of <paramref name="length"/> iterations: after iteration ⌈length·j/S⌉ for
    /// j = 1..S (1-based within the window; the last is the window end). A window shorter than S repeats points.
    /// </summary>
    public static int[] EvaluationPoints(int length, int evaluations) =>
        Enumerable.Range(1, evaluations).Select(j => (int)(((long)length * j + evaluations - 1) / evaluations)).ToArray();
}
