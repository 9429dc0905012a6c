namespace AdaptiveLoss.Cli.Output;

// The results.json schema of spec §4, property for property; serialised camelCase by ResultsWriter.
// These records are the file's contract: add nothing here that the spec does not list.

/// <summary>The whole results.json of one experiment (spec §4).</summary>
internal sealed record ResultsDocument(
    string ExperimentId,
    string Task,
    string Model,
    string Loss,
    string Metric,
    int Seed,
    int Epochs,
    double ElapsedSeconds,
    IReadOnlyList<ChildResult> Children,
    BestChild Best,
    double MeanTestError,
    PolicyResult Policy,
    IReadOnlyList<RewardResult> Rewards);

/// <summary>One completed child: final validation metric, the single test evaluation, Φ statistics.</summary>
internal sealed record ChildResult(
    string Id,
    int Seed,
    double ValidationMetric,
    double TestError,
    double TestMetric,
    int Windows,
    PhiResult Phi);

/// <summary>Statistics of a child's final Φ: extreme off-diagonal entries and ‖Φ − I‖_F.</summary>
internal sealed record PhiResult(double Min, double Max, double NormFromIdentity);

/// <summary>The child with the best VALIDATION metric (never chosen on test) and its test error.</summary>
internal sealed record BestChild(string ChildId, double TestError);

/// <summary>The shared policy at the end of the experiment.</summary>
internal sealed record PolicyResult(string PolicyId, long Version, long Updates, long Transitions);

/// <summary>One reward as the coordinator used it: its round, the window and the policy version that chose the actions.</summary>
internal sealed record RewardResult(int Round, string ChildId, int Window, double Reward, long PolicyVersion);
