namespace AdaptiveLoss.Core.Control;

/// <summary>Summary of Φ for reports: extreme off-diagonal entries and the Frobenius norm ‖Φ − I‖.</summary>
/// <param name="Min">Smallest off-diagonal entry (0 when there are none).</param>
/// <param name="Max">Largest off-diagonal entry (0 when there are none).</param>
/// <param name="NormFromIdentity">‖Φ − I‖_F.</param>
public sealed record PhiStats(double Min, double Max, double NormFromIdentity);
