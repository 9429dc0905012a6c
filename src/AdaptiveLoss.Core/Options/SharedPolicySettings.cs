using System.Globalization;

namespace AdaptiveLoss.Core.Options;

/// <summary>
/// The settings a shared policy (docs/policy-snapshots.md, <c>--share-policy</c>) takes from the experiment that created it. Every
/// experiment that joins it later must ask for the same ones: the coordinator would otherwise silently run the first
/// experiment's network, learning rate or replay instead of what the later one asked for. Child settings (task, model,
/// classes, β, seed…) may differ: that is the point of learning one policy across experiments.
/// </summary>
public static class SharedPolicySettings
{
    // (flag, value as the CLI shows it); only --loss ala without --freeze-policy learns.
    private static readonly (string Flag, Func<ExperimentOptions, string> Value)[] Settings =
    [
        ("--policy-hidden", o => Format(o.PolicyHidden)),
        ("--freeze-policy", o => o.Loss == LossMode.Ala && !o.FreezePolicy ? "learning" : "frozen"),
        ("--policy-lr", o => Format(o.PolicyLearningRate)),
        ("--replay-capacity", o => Format(o.ReplayCapacity)),
        ("--replay-sample", o => Format(o.ReplaySample)),
        ("--baseline", o => o.Baseline.ToString().ToLowerInvariant()),
        ("--ema-decay", o => Format(o.EmaDecay)),
        ("--round-timeout", o => Format(o.RoundTimeoutSeconds)),
        ("--snapshot-every", o => Format(o.SnapshotEvery)),
    ];

    /// <summary>
    /// Null when <paramref name="joining"/> may share policy <paramref name="policyId"/> created with
    /// <paramref name="shared"/>; otherwise one line naming the first differing flag and both values.
    /// </summary>
    public static string? Mismatch(string policyId, ExperimentOptions shared, ExperimentOptions joining)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(joining);
        foreach (var (flag, value) in Settings)
        {
            var (have, want) = (value(shared), value(joining));
            if (have != want)
            {
                return $"--share-policy {policyId}: {flag} differs: the shared policy has {have}, this experiment asks for {want} "
                    + "(experiments sharing a policy need the same policy settings)";
            }
        }

        return null;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
