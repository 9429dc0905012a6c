using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>A learning arm against its frozen twin, paired by seed: what the policy's learning adds to moving Φ.</summary>
/// <param name="Arm">The learning arm (ala, ala-offsets).</param>
/// <param name="Control">Its twin with the policy frozen at its random initialisation.</param>
/// <param name="End">Arm − control at the end (pp); null when either is missing.</param>
/// <param name="AtBestValidation">The same at each child's best-validation window.</param>
internal sealed record LearningControl(string Arm, string Control, PairedDifference? End, PairedDifference? AtBestValidation);
