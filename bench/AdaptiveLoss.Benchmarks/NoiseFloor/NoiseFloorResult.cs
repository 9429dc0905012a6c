using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>noise-floor.json: the table document the report renders, the designs, and every state's raw branch rewards.</summary>
internal sealed record NoiseFloorResult(
    string? Title,
    string? Description,
    IReadOnlyList<DocumentTable>? Tables,
    IReadOnlyList<string>? Notes,
    bool Smoke,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    string Task,
    int Warm,
    int Window,
    int Horizon,
    (int I, int J) Pair,
    IReadOnlyList<NoiseFloorDesign> Designs,
    IReadOnlyList<NoiseFloorState> States,
    double ElapsedSeconds);
