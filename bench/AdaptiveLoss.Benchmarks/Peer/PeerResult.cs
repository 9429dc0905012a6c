using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>
/// bench/results/peer.json: TorchSharp versus PyTorch on the same CNN, data, batch size and threads (docs/evidence.md).
/// Title, Description, Tables and Notes are the <see cref="TableDocument"/> docs/results.md renders; the rest is data.
/// </summary>
/// <param name="Title">Section title.</param>
/// <param name="Description">Machine and set-up, one paragraph.</param>
/// <param name="Tables">The comparison table.</param>
/// <param name="Notes">Versions.</param>
/// <param name="Suite">"peer".</param>
/// <param name="Smoke">True for the tiny CI sizes (numbers meaningless).</param>
/// <param name="CreatedUtc">When the suite finished.</param>
/// <param name="Machine">Cores, CPU model, memory, OS, runtime.</param>
/// <param name="Model">The network both train.</param>
/// <param name="ModelParameters">Its parameter count (105,866 on 28×28×1, 10 classes).</param>
/// <param name="Parameters">Every flag's value.</param>
/// <param name="Versions">TorchSharp, libtorch, PyTorch and friends.</param>
/// <param name="PyTorchInstalled">True when this run installed python3-torch.</param>
/// <param name="PyTorchSkipped">Why the PyTorch side did not run ("skipped: python3-torch not installed"), else null.</param>
/// <param name="Rows">One per thread count.</param>
/// <param name="Runs">Every timed run, in the order run (alternating).</param>
/// <param name="ElapsedSeconds">Wall time of the whole suite.</param>
internal sealed record PeerResult(
    string? Title,
    string? Description,
    IReadOnlyList<DocumentTable>? Tables,
    IReadOnlyList<string>? Notes,
    string Suite,
    bool Smoke,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    string Model,
    long ModelParameters,
    PeerOptions Parameters,
    PeerVersions Versions,
    bool PyTorchInstalled,
    string? PyTorchSkipped,
    IReadOnlyList<PeerRow> Rows,
    IReadOnlyList<PeerRun> Runs,
    double ElapsedSeconds);
