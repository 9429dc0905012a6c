namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>Part (c): one coordinator with <paramref name="Children"/> simulated children (medians over the timed rounds).</summary>
/// <param name="Children">Children joined to the coordinator.</param>
/// <param name="Rounds">Timed rounds (after <see cref="ScaleBench.WarmupRounds"/> untimed ones).</param>
/// <param name="RoundMs">Median time of a round: every child decides concurrently, then every child reports concurrently.</param>
/// <param name="DecidePhaseMs">Median time of the decide phase of a round.</param>
/// <param name="ReportPhaseMs">Median time of the report phase (the last report closes the round and updates the policy).</param>
/// <param name="PerDecisionMs">DecidePhaseMs / Children: the coordinator's time per decision under load.</param>
/// <param name="PerChildRoundMs">RoundMs / Children.</param>
/// <param name="RoundTimesMs">Every timed round.</param>
/// <param name="PolicyUpdates">Updates the coordinator counted (one per round).</param>
internal sealed record ScaleRow(
    int Children,
    int Rounds,
    double RoundMs,
    double DecidePhaseMs,
    double ReportPhaseMs,
    double PerDecisionMs,
    double PerChildRoundMs,
    IReadOnlyList<double> RoundTimesMs,
    long PolicyUpdates);
