namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// One <see cref="ChildrenArm"/> process: a grains run of <see cref="Children"/> children on an embedded silo with the
/// child tuning on or off (<see cref="AdaptiveLoss.Training.ChildTuning"/>), the process's CPU and page faults over
/// that run, and (CNN) a bare TorchSharp loop and a matmul peak measured in the same process.
/// </summary>
/// <param name="Tuning">"on" or "off" (the "before" arm).</param>
/// <param name="Model">cnn or mlp.</param>
/// <param name="Children">Children of the experiment.</param>
/// <param name="Slots">Children training at once on the silo (0: all).</param>
/// <param name="Run">The grains run (aggregate and children's own img/s).</param>
/// <param name="UserSeconds">User CPU of the process during the grains run.</param>
/// <param name="SystemSeconds">Kernel CPU of the process during the grains run.</param>
/// <param name="MinorFaults">Minor page faults of the process during the grains run (/proc/self/stat).</param>
/// <param name="PeakRssBytes">Peak resident set of the process (VmHWM), start-up and warm-up included.</param>
/// <param name="BareImagesPerSecond">Bare TorchSharp loops of the same model, one per child at once, same threads each; 0 if not measured.</param>
/// <param name="PeakGflops">torch.mm of 1024 × 1024 floats on every core, GFLOP/s; 0 if not measured.</param>
/// <param name="ParameterBytes">Bytes of one child's model parameters (float32).</param>
/// <param name="RunRssGrowthBytes">The largest growth of the resident set during the grains run over the one before it (sampled every 20 ms).</param>
/// <param name="DataBytes">Bytes of the data's tensors (training, validation and test images and labels), loaded once per silo and shared by its children.</param>
internal sealed record ArmResult(
    string Tuning,
    string Model,
    int Children,
    int Slots,
    ThroughputRun Run,
    double UserSeconds,
    double SystemSeconds,
    long MinorFaults,
    long PeakRssBytes,
    double BareImagesPerSecond,
    double PeakGflops,
    long ParameterBytes,
    long DataBytes = 0,
    long RunRssGrowthBytes = 0)
{
    /// <summary>Kernel share of the process's CPU during the run, %.</summary>
    public double KernelPercent => 100 * SystemSeconds / Math.Max(1e-9, UserSeconds + SystemSeconds);
}
