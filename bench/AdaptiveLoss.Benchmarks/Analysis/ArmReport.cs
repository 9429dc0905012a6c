using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

// The per-arm part of effect-*.json and ablations.json. Test errors and differences are in percent / percentage
// points; validation metrics stay as results.json has them (fractions).

/// <summary>One arm or ablation variant: its children, test error, paired difference to cross-entropy and signals.</summary>
/// <param name="Arm">Arm or variant name (its run folder).</param>
/// <param name="Description">What the arm is.</param>
/// <param name="Flags">Flags the arm adds to the budget's.</param>
/// <param name="Present">False when the run folder has no results.json (not run, still running, or failed).</param>
/// <param name="Command">The command: bench-run.json's when ./bench.sh ran it, else the benchmark's definition.</param>
/// <param name="CommandSource">"bench-run.json" or "definition".</param>
/// <param name="ElapsedSeconds">results.json's training time, when present.</param>
/// <param name="Children">Completed children in seed order.</param>
/// <param name="TestError">Mean ± sample std of the children's test errors (percent).</param>
/// <param name="BestByValidation">The child with the best validation metric (never chosen on test).</param>
/// <param name="VersusCe">arm − ce per common seed (percentage points) with a 95 % t-interval; null for ce itself.</param>
/// <param name="RatioToCe">mean(arm) / mean(ce) of the test errors; null when either is missing.</param>
/// <param name="Signals">Reward balance, policy and Φ drift from results.json.</param>
internal sealed record ArmReport(
    string Arm,
    string Description,
    string Flags,
    bool Present,
    string Command,
    string CommandSource,
    double? ElapsedSeconds,
    IReadOnlyList<ChildReport> Children,
    Summary TestError,
    ChildReport? BestByValidation,
    PairedDifference? VersusCe,
    double? RatioToCe,
    SignalReport? Signals);

/// <summary>One child of an arm.</summary>
internal sealed record ChildReport(string Id, int Seed, double ValidationMetric, double TestError, int Windows, double? PhiNormFromIdentity);

/// <summary>What results.json says about the controller of one arm (reward balance, Φ drift; docs/results.md, "Signals").</summary>
/// <param name="Rewards">Shares of positive, zero and negative rewards and their mean.</param>
/// <param name="Policy">Version, updates and transitions of the shared policy.</param>
/// <param name="Phi">Drift of the final Φ from I over the children.</param>
/// <param name="RewardPerRound">Mean reward of each round and its trailing moving average.</param>
/// <param name="RewardSpread">Mean over rounds 2 onwards (round 1's reward is the untrained model's jump) of the
/// population standard deviation of the round's rewards: the part of r_t that differs between children of one round,
/// which is all a population baseline leaves for REINFORCE to learn from (Eq. 4's advantage).</param>
/// <param name="Actions">Action shares early and late in training (from history.json; null without one).</param>
internal sealed record SignalReport(
    RewardBalance Rewards, RunPolicy Policy, PhiDrift Phi, IReadOnlyList<RoundReward> RewardPerRound, double? RewardSpread, ActionTrend? Actions);

/// <summary>
/// Shares of the actions (−β, 0, +β) over every pair decision in the first and the last tenth of the counted windows
/// (all children pooled), and the entropy of the late shares in nats (ln 3 ≈ 1.099 = uniform, the random policy's).
/// A policy that learned something moves away from the uniform shares.
/// </summary>
internal sealed record ActionTrend(int WindowsPerPart, double[] Early, double[] Late, double LateEntropy);

/// <summary>Counts and shares of positive, zero and negative rewards, and their mean, in <paramref name="Unit"/>.</summary>
internal sealed record RewardBalance(
    int Count, int Positive, int Zero, int Negative,
    double? PositiveShare, double? ZeroShare, double? NegativeShare, double? Mean, string Unit);

/// <summary>Mean ‖Φ − I‖_F over the children and the extreme off-diagonal entries of any child.</summary>
internal sealed record PhiDrift(double? MeanNormFromIdentity, double? Min, double? Max);

/// <summary>One policy round: how many rewards it had, their mean, and the trailing moving average of the means.</summary>
internal sealed record RoundReward(int Round, int Rewards, double Mean, double MovingAverage);
