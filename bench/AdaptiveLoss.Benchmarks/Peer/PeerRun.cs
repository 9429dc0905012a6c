namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>One timed training run of the peer benchmark.</summary>
/// <param name="Framework">"torchsharp" or "pytorch".</param>
/// <param name="Threads">torch intra-op threads.</param>
/// <param name="Repeat">1-based repetition (frameworks alternate).</param>
/// <param name="Batches">Timed mini-batches.</param>
/// <param name="Images">Images in them.</param>
/// <param name="Seconds">Wall time of the timed batches.</param>
/// <param name="ImagesPerSecond">Images / Seconds.</param>
/// <param name="FinalLoss">Loss of the last batch (a sanity check that both train).</param>
internal sealed record PeerRun(
    string Framework,
    int Threads,
    int Repeat,
    int Batches,
    long Images,
    double Seconds,
    double ImagesPerSecond,
    double FinalLoss);
