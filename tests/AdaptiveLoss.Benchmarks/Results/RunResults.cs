namespace AdaptiveLoss.Benchmarks.Results;

// The reading side of results.json (spec §4; written by client/AdaptiveLoss.Cli/Output/ResultsDocument.cs). Only
// what the analysis uses; unknown properties are ignored so that later additions to the file do not break the reader.

/// <summary>One experiment's results.json: an arm or a variant of the benchmark.</summary>
internal sealed record RunResults(
    string ExperimentId,
    string Task,
    string Model,
    string Loss,
    string Metric,
    int Seed,
    int Epochs,
    double ElapsedSeconds,
    IReadOnlyList<RunChild> Children,
    RunBest? Best,
    double MeanTestError,
    RunPolicy Policy,
    IReadOnlyList<RunReward> Rewards);

/// <summary>A completed child: final validation metric, test error (a fraction), windows and Φ statistics.</summary>
internal sealed record RunChild(string Id, int Seed, double ValidationMetric, double TestError, double TestMetric, int Windows, RunPhi? Phi);

/// <summary>Extreme off-diagonal entries of the final Φ and ‖Φ − I‖_F.</summary>
internal sealed record RunPhi(double Min, double Max, double NormFromIdentity);

/// <summary>The child the CLI chose on validation.</summary>
internal sealed record RunBest(string ChildId, double TestError);

/// <summary>The shared policy at the end: version = updates applied.</summary>
internal sealed record RunPolicy(string PolicyId, long Version, long Updates, long Transitions);

/// <summary>One transition's reward (percentage points for <c>--reward diff</c>, ±1/0 for sign).</summary>
internal sealed record RunReward(int Round, string ChildId, int Window, double Reward, long PolicyVersion);
