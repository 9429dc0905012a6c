using System.Globalization;

namespace AdaptiveLoss.Core.Options;

/// <summary>
/// The settings a shared policy (docs/policy-snapshots.md, <see cref="ExperimentOptions.PolicyId"/>) takes from the experiment that created it. Every
/// experiment that joins it later must ask for the same ones: the coordinator would otherwise silently run the first
/// experiment's network, learning rate or replay instead of what the later one asked for. Child settings (task, model,
/// classes, β, seed…) may differ: that is the point of learning one policy across experiments.
/// </summary>
public static class SharedPolicySettings
{
    // (setting, its value in words); only Loss ala without FreezePolicy learns.
    private static readonly (string Setting, Func<ExperimentOptions, string> Value)[] Settings =
    [
        (nameof(ExperimentOptions.PolicyHidden), o => Format(o.PolicyHidden)),
        (nameof(ExperimentOptions.FreezePolicy), o => o.Loss == LossMode.Ala && !o.FreezePolicy ? "learning" : "frozen"),
        (nameof(ExperimentOptions.PolicyLearningRate), o => Format(o.PolicyLearningRate)),
        (nameof(ExperimentOptions.ReplayCapacity), o => Format(o.ReplayCapacity)),
        (nameof(ExperimentOptions.ReplaySample), o => Format(o.ReplaySample)),
        (nameof(ExperimentOptions.Baseline), o => o.Baseline.ToString().ToLowerInvariant()),
        (nameof(ExperimentOptions.EmaDecay), o => Format(o.EmaDecay)),
        (nameof(ExperimentOptions.RoundTimeoutSeconds), o => Format(o.RoundTimeoutSeconds)),
        (nameof(ExperimentOptions.SnapshotEvery), o => Format(o.SnapshotEvery)),
    ];

    /// <summary>
    /// Null when <paramref name="joining"/> may share policy <paramref name="policyId"/> created with
    /// <paramref name="shared"/>; otherwise an error on <see cref="ExperimentOptions.PolicyId"/> naming the first differing
    /// setting and both values.
    /// </summary>
    public static ValidationError? Mismatch(string policyId, ExperimentOptions shared, ExperimentOptions joining)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(joining);
        foreach (var (setting, value) in Settings)
        {
            var (have, want) = (value(shared), value(joining));
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
