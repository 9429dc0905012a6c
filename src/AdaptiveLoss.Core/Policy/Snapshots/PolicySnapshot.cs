namespace AdaptiveLoss.Core.Policy.Snapshots;

/// <summary>
/// A versioned, shareable copy of a learned loss controller π_θ (docs/design.md §1.4, docs/policy-snapshots.md): the weights of the
/// features → hidden → hidden → 3 MLP and where they came from. One policy is shared by every class pair, so its shape
/// does not depend on the class count: a snapshot learned on one task can drive a task with another number of classes.
/// Serialised by <see cref="PolicySnapshotCodec"/> (format in docs/policy-snapshots.md).
/// </summary>
/// <param name="PolicyId">The policy (coordinator) that learned it.</param>
/// <param name="Version">Policy updates applied when it was taken: together "policyId@version".</param>
/// <param name="Inputs">State features per pair (24 for the defaults).</param>
/// <param name="Hidden">Width of both hidden layers.</param>
/// <param name="Parameters">Flat W1, b1, W2, b2, W3, b3 (W row-major [out, in]), as <see cref="PolicyNetwork.Parameters"/>.</param>
/// <param name="CreatedUtc">When it was taken.</param>
/// <param name="Source">What it was learned on.</param>
public sealed record PolicySnapshot(
    string PolicyId,
    long Version,
    int Inputs,
    int Hidden,
    double[] Parameters,
    DateTimeOffset CreatedUtc,
    SnapshotSource Source)
{
    /// <summary>"policyId@version".</summary>
    public PolicyReference Reference => new(PolicyId, Version);

    /// <summary>A snapshot of <paramref name="network"/> (its parameters are copied).</summary>
    public static PolicySnapshot Of(string policyId, long version, PolicyNetwork network, DateTimeOffset createdUtc, SnapshotSource source)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new PolicySnapshot(policyId, version, network.Inputs, network.Hidden, [.. network.Parameters], createdUtc, source);
    }

    /// <summary>A network with a copy of these weights.</summary>
    public PolicyNetwork ToNetwork() => new(Inputs, Hidden, [.. Parameters]);
}

/// <summary>
/// Provenance of a snapshot: what it was learned on and how much it saw. <see cref="Experiments"/> lists every experiment
/// that fed the policy (a shared policy may learn from several tasks, models and class counts); <see cref="Task"/>,
/// <see cref="Model"/> and <see cref="Classes"/> are those of the experiment that fed the most transitions.
/// </summary>
/// <param name="Task">Data set name (e.g. "fashion-mnist").</param>
/// <param name="Model">Child model name (e.g. "cnn").</param>
/// <param name="Classes">Class count C of the task.</param>
/// <param name="Rounds">Policy rounds closed.</param>
/// <param name="Transitions">Transitions learned from.</param>
/// <param name="FromPolicy">The snapshot this lineage started from ("fashion@65"); null for a random initialisation.
/// Optional in the file: older files without it read as null.</param>
/// <param name="Experiments">The experiments that fed the policy, most transitions first. Optional in the file: older
/// files without it read as null (only the fields above).</param>
public sealed record SnapshotSource(string Task, string Model, int Classes, long Rounds, long Transitions, string? FromPolicy = null,
    IReadOnlyList<SnapshotExperiment>? Experiments = null)
{
    /// <summary>Field by field, <see cref="Experiments"/> item by item.</summary>
    public bool Equals(SnapshotSource? other) =>
        other is not null && (Task, Model, Classes, Rounds, Transitions, FromPolicy) == (other.Task, other.Model, other.Classes, other.Rounds, other.Transitions, other.FromPolicy)
        && (Experiments is null ? other.Experiments is null : other.Experiments is not null && Experiments.SequenceEqual(other.Experiments));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Task, Model, Classes, Rounds, Transitions, FromPolicy, Experiments?.Count);
}

/// <summary>An experiment that fed a policy: what its children trained and how many of their transitions closed rounds.</summary>
/// <param name="Experiment">Experiment id.</param>
/// <param name="Task">Data set name.</param>
/// <param name="Model">Child model name.</param>
/// <param name="Classes">Class count C.</param>
/// <param name="Transitions">Its transitions in the policy's rounds.</param>
public sealed record SnapshotExperiment(string Experiment, string Task, string Model, int Classes, long Transitions);
