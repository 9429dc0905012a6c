namespace AdaptiveLoss.Reporting.Plots;

/// <summary>The four PNGs of a run, as <see cref="RunPlots.WriteAll"/> wrote them.</summary>
/// <param name="Validation">validation.png: validation error per child over training.</param>
/// <param name="Rewards">rewards.png: every reward per round, the round mean and its moving average.</param>
/// <param name="Actions">actions.png: the share of −β / 0 / +β per window.</param>
/// <param name="Phi">phi.png: the final Φ of the best child (by validation).</param>
public sealed record RunPlotFiles(string Validation, string Rewards, string Actions, string Phi)
{
    /// <summary>The four paths in the order above.</summary>
    public IReadOnlyList<string> All => [Validation, Rewards, Actions, Phi];
}
