namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>TorchSharp versus PyTorch at one thread count (medians over the repeats; target: ratio ≥ 1).</summary>
/// <param name="Threads">torch intra-op threads of both.</param>
/// <param name="TorchSharpImagesPerSecond">Median img/s of the TorchSharp loop.</param>
/// <param name="PyTorchImagesPerSecond">Median img/s of the PyTorch script; null when PyTorch was skipped.</param>
/// <param name="Ratio">TorchSharp / PyTorch; null when PyTorch was skipped.</param>
/// <param name="Target">The target for <paramref name="Ratio"/>.</param>
internal sealed record PeerRow(int Threads, double TorchSharpImagesPerSecond, double? PyTorchImagesPerSecond, double? Ratio, double Target)
{
    /// <summary>The target: TorchSharp images/s ≥ PyTorch's.</summary>
    public const double TargetRatio = 1.0;
}
