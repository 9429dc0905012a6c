using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// bench/results/costs.json: what the orchestration costs (docs/evidence.md), with the machine and every parameter.
/// Title, Description, Tables and Notes are the <see cref="TableDocument"/> docs/results.md renders; the rest is data.
/// </summary>
/// <param name="Title">Section title.</param>
/// <param name="Description">Machine and set-up, one paragraph.</param>
/// <param name="Tables">Parts (a) to (e) as preformatted tables.</param>
/// <param name="Notes">Extra bullet points.</param>
/// <param name="Suite">"costs".</param>
/// <param name="Smoke">True for the tiny CI sizes (numbers meaningless).</param>
/// <param name="CreatedUtc">When the suite finished.</param>
/// <param name="Machine">Cores, CPU model, memory, OS, runtime.</param>
/// <param name="TorchThreads">torch's intra-op threads per child in part (a) (max(1, cores / children)).</param>
/// <param name="Parameters">Every flag's value.</param>
/// <param name="Throughput">Part (a).</param>
/// <param name="Latency">Part (b).</param>
/// <param name="Scale">Part (c), one row per child count.</param>
/// <param name="ElapsedSeconds">Wall time of the whole suite.</param>
/// <param name="Arithmetic">Part (d), one row per child count.</param>
/// <param name="Figures">The round time and the arithmetic against the children (log–log), drawn with the report.</param>
/// <param name="Tuning">Part (e): the children's CPU before/after the child tuning, one entry per arm process.</param>
/// <param name="Memory">Part (f): peak memory with the slots' worth of children and with many more queued.</param>
internal sealed record CostsResult(
    string? Title,
    string? Description,
    IReadOnlyList<DocumentTable>? Tables,
    IReadOnlyList<string>? Notes,
    string Suite,
    bool Smoke,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    int TorchThreads,
    CostsOptions Parameters,
    ThroughputResult Throughput,
    LatencyResult Latency,
    IReadOnlyList<ScaleRow> Scale,
    double ElapsedSeconds,
    IReadOnlyList<ArithmeticRow>? Arithmetic = null,
    IReadOnlyList<DocumentFigure>? Figures = null,
    IReadOnlyList<ArmResult>? Tuning = null,
    IReadOnlyList<ArmResult>? Memory = null);
