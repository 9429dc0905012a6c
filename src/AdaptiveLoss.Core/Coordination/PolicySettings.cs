using System.Globalization;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// What a policy coordinator reads of an experiment's options (docs/design.md §1.4, §1.6): the learner's settings, the round
/// timeout, the snapshot cadence, whether it learns, the seed of its random streams and the snapshot it starts from.
/// Child settings (task, model, classes, β, epochs…) are not here: experiments sharing a policy may differ there.
/// </summary>
/// <param name="Hidden">Width of both hidden layers of π_θ (<c>--policy-hidden</c>).</param>
/// <param name="LearningRate">Adam's learning rate (<c>--policy-lr</c>).</param>
/// <param name="ReplayCapacity">Transitions the replay memory holds (<c>--replay-capacity</c>).</param>
/// <param name="ReplaySample">Transitions replayed per update (<c>--replay-sample</c>).</param>
/// <param name="Baseline">The REINFORCE baseline (<c>--baseline</c>).</param>
/// <param name="EmaDecay">Decay of the running reward average (<c>--ema-decay</c>).</param>
/// <param name="RoundTimeoutSeconds">How long a round waits for missing children, in seconds (<c>--round-timeout</c>).</param>
/// <param name="SnapshotEvery">Updates between snapshots (<c>--snapshot-every</c>).</param>
/// <param name="Learning">False for a frozen policy and for the ce / fixed baselines (<c>--freeze-policy</c>, <c>--loss</c>).</param>
/// <param name="Seed">Seed of the initial weights and of every decision's and update's random stream (the creating experiment's).</param>
/// <param name="InitialPolicy">The snapshot the weights start from (<c>--policy</c>); null for a random initialisation.</param>
public sealed record PolicySettings(
    int Hidden,
    double LearningRate,
    int ReplayCapacity,
    int ReplaySample,
    BaselineKind Baseline,
    double EmaDecay,
    double RoundTimeoutSeconds,
    int SnapshotEvery,
    bool Learning,
    int Seed,
    PolicySnapshot? InitialPolicy = null)
{
    // (setting, its value in words): what experiments sharing a policy must agree on (docs/policy-snapshots.md). Settings
    // are named as ExperimentOptions names them, so every front end can show them in its own words (ValidationError).
    private static readonly (string Setting, Func<PolicySettings, string> Value)[] Shared =
    [
        (nameof(ExperimentOptions.PolicyHidden), s => Format(s.Hidden)),
        (nameof(ExperimentOptions.FreezePolicy), s => s.Learning ? "learning" : "frozen"),
        (nameof(ExperimentOptions.PolicyLearningRate), s => Format(s.LearningRate)),
        (nameof(ExperimentOptions.ReplayCapacity), s => Format(s.ReplayCapacity)),
        (nameof(ExperimentOptions.ReplaySample), s => Format(s.ReplaySample)),
        (nameof(ExperimentOptions.Baseline), s => s.Baseline.ToString().ToLowerInvariant()),
        (nameof(ExperimentOptions.EmaDecay), s => Format(s.EmaDecay)),
        (nameof(ExperimentOptions.RoundTimeoutSeconds), s => Format(s.RoundTimeoutSeconds)),
        (nameof(ExperimentOptions.SnapshotEvery), s => Format(s.SnapshotEvery)),
    ];

    /// <summary>The round timeout as a span.</summary>
    public TimeSpan RoundTimeout => TimeSpan.FromSeconds(RoundTimeoutSeconds);

    /// <summary>The policy settings of <paramref name="options"/>; only <c>--loss ala</c> without <c>--freeze-policy</c> learns.</summary>
    public static PolicySettings From(ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.PolicyHidden, options.PolicyLearningRate, options.ReplayCapacity, options.ReplaySample, options.Baseline,
            options.EmaDecay, options.RoundTimeoutSeconds, options.SnapshotEvery, options.Loss == LossMode.Ala && !options.FreezePolicy,
            options.Seed, options.InitialPolicy);
    }

    /// <summary>
    /// Every setting out of its range (<see cref="OptionLimits"/>), in option order: the rules the options validator
    /// applies to the policy's settings, kept here so that a coordinator whose caller skipped the validator gives the same answer.
    /// </summary>
    public IEnumerable<ValidationError> NumericProblems()
    {
        if (Hidden is < 1 or > OptionLimits.MaxPolicyHidden)
        {
            yield return new(nameof(ExperimentOptions.PolicyHidden), ExperimentOptionsValidator.Range(Hidden, 1, OptionLimits.MaxPolicyHidden));
        }

        if (!(LearningRate > 0 && double.IsFinite(LearningRate)))
        {
            yield return new(nameof(ExperimentOptions.PolicyLearningRate), $"must be a positive number (got {Format(LearningRate)})");
        }

        if (ReplayCapacity is < 0 or > OptionLimits.MaxReplayCapacity)
        {
            yield return new(nameof(ExperimentOptions.ReplayCapacity), ExperimentOptionsValidator.Range(ReplayCapacity, 0, OptionLimits.MaxReplayCapacity));
        }

        if (ReplaySample is < 0 or > OptionLimits.MaxReplaySample)
        {
            yield return new(nameof(ExperimentOptions.ReplaySample), ExperimentOptionsValidator.Range(ReplaySample, 0, OptionLimits.MaxReplaySample));
        }

        if (EmaDecay is not (>= 0 and < 1))
        {
            yield return new(nameof(ExperimentOptions.EmaDecay), $"must be in [0, 1) (got {Format(EmaDecay)})");
        }

        if (!(RoundTimeoutSeconds is > 0 and <= OptionLimits.MaxRoundTimeoutSeconds))
        {
            yield return new(nameof(ExperimentOptions.RoundTimeoutSeconds),
                $"must be a positive number of seconds, at most {Format(OptionLimits.MaxRoundTimeoutSeconds)} (got {Format(RoundTimeoutSeconds)})");
        }

        if (SnapshotEvery < 1)
        {
            yield return new(nameof(ExperimentOptions.SnapshotEvery), $"must be at least 1 (got {SnapshotEvery})");
        }
    }

    /// <summary>
    /// Null when these settings are usable for a policy of <paramref name="featureCount"/> features; otherwise the
    /// setting at fault (the options validator's rules: a caller that skipped it gets the same answer).
    /// </summary>
    public ValidationError? Problem(int featureCount) =>
        NumericProblems().FirstOrDefault() is { } numeric ? numeric
        : featureCount < 1 ? new(nameof(ExperimentOptions.HistoryLength), $"gives a policy {featureCount} state features; it needs at least 1")
        : InitialPolicy is { } p && p.Inputs != featureCount
            ? new(nameof(ExperimentOptions.InitialPolicy), $"{p.Reference} takes {p.Inputs} state features, this run has {featureCount}")
        : InitialPolicy is { } q && q.Hidden != Hidden
            ? new(nameof(ExperimentOptions.InitialPolicy), $"{q.Reference} has {q.Hidden} hidden units, {{0}} is {Hidden}", nameof(ExperimentOptions.PolicyHidden))
        : null;

    /// <summary>
    /// Null when an experiment asking for <paramref name="joining"/> may share policy <paramref name="policyId"/> created
    /// with these settings; otherwise an error on <see cref="ExperimentOptions.PolicyId"/> naming the first differing
    /// setting and both values. The seed may differ (the policy keeps its creator's); the initial snapshot is checked by
    /// the coordinator, which knows the lineage.
    /// </summary>
    public ValidationError? Mismatch(string policyId, PolicySettings joining)
    {
        ArgumentNullException.ThrowIfNull(joining);
        foreach (var (setting, value) in Shared)
        {
            var (have, want) = (value(this), value(joining));
            if (have != want)
            {
                return new ValidationError(nameof(ExperimentOptions.PolicyId), $"{policyId}: {{0}} differs: the shared policy has {have}, "
                    + $"this experiment asks for {want} (experiments sharing a policy need the same policy settings)", setting);
            }
        }

        return null;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
