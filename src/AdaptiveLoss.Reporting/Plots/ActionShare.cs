namespace AdaptiveLoss.Reporting.Plots;

/// <summary>
/// How the decisions of one window index split over the action set {−β, 0, +β} (docs/design.md §1.3), summed over children.
/// The three fractions add up to 1 (all 0 when the window had no decision).
/// </summary>
/// <param name="Window">Window index.</param>
/// <param name="Decrease">Fraction of groups that took −β.</param>
/// <param name="Keep">Fraction of groups that took 0.</param>
/// <param name="Increase">Fraction of groups that took +β.</param>
public sealed record ActionShare(int Window, double Decrease, double Keep, double Increase);
