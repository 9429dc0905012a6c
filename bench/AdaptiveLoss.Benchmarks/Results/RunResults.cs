namespace AdaptiveLoss.Benchmarks.Results;

// The reading side of results.json (docs/design.md §4; written by client/AdaptiveLoss.Cli/Output/ResultsDocument.cs). Only
// what the analysis uses; unknown properties are ignored so that later additions to the file do not break the reader.

/// <summary>
/// One experiment's results.json: an arm or a variant of the benchmark. <c>childEpochs</c> (children × epochs) and
/// <c>data</c> are newer fields; files without them still parse (null).
/// </summary>
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
    IReadOnlyList<RunReward> Rewards,
    int? ChildEpochs = null,
    RunData? Data = null);

/// <summary>
/// A completed child: final validation metric, test error (a fraction), windows and Φ statistics; from the mismatch
/// fields on, also every test metric at the end and after post-hoc logit adjustment, the test metrics at the window
/// with the best validation metric, and the final Φ (null in files written before them).
/// </summary>
internal sealed record RunChild(
    string Id,
    int Seed,
    double ValidationMetric,
    double TestError,
    double TestMetric,
    int Windows,
    RunPhi? Phi,
    RunMetrics? Test = null,
    RunMetrics? TestPostHoc = null,
    RunBestValidation? BestValidation = null,
    double[][]? PhiMatrix = null);

/// <summary>Extreme off-diagonal entries of the final Φ and ‖Φ − I‖_F.</summary>
internal sealed record RunPhi(double Min, double Max, double NormFromIdentity);

/// <summary>The child the CLI chose on validation.</summary>
internal sealed record RunBest(string ChildId, double TestError);

/// <summary>The shared policy at the end: version = updates applied.</summary>
internal sealed record RunPolicy(string PolicyId, long Version, long Updates, long Transitions);

/// <summary>One transition's reward (percentage points for <c>--reward diff</c>, ±1/0 for sign).</summary>
internal sealed record RunReward(int Round, string ChildId, int Window, double Reward, long PolicyVersion);
