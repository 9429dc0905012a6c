using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// Who fed a policy (docs/policy-snapshots.md, provenance): each joining experiment, its children and the transitions they
/// brought to closed rounds. A snapshot's source is built from this, not from the experiment that created the policy.
/// </summary>
internal sealed class Contributions
{
    private readonly List<PolicyContributor> _contributors = [];
    private readonly List<long> _transitions = [];
    private readonly Dictionary<string, int> _childOwner = new(StringComparer.Ordinal);

    public static Contributions Restore(IEnumerable<PolicyContribution> stored)
    {
        var contributions = new Contributions();
        foreach (var c in stored)
        {
            contributions.Join(c.Contributor, c.Children);
            contributions._transitions[^1] = c.Transitions;
        }

        return contributions;
    }

    /// <summary><paramref name="childIds"/> now belong to <paramref name="contributor"/> (a child re-joining with other options moves).</summary>
    public void Join(PolicyContributor contributor, IEnumerable<string> childIds)
    {
        var index = _contributors.IndexOf(contributor);
        if (index < 0)
        {
            index = _contributors.Count;
            _contributors.Add(contributor);
            _transitions.Add(0);
        }

        foreach (var childId in childIds)
        {
            _childOwner[childId] = index;
        }
    }

    /// <summary>Counts a transition of <paramref name="childId"/> used in a round (a child that never joined counts for nobody).</summary>
    public void Count(string childId)
    {
        if (_childOwner.TryGetValue(childId, out var index))
        {
            _transitions[index]++;
        }
    }

    public PolicyContribution[] Export() =>
        [.. _contributors.Select((c, i) => new PolicyContribution(c, [.. _childOwner.Where(o => o.Value == i).Select(o => o.Key).Order(StringComparer.Ordinal)], _transitions[i]))];

    /// <summary>
    /// The provenance of a snapshot: every experiment that fed transitions, most first (ties in join order), and the first
    /// one's task, model and classes as the headline. Before any transition: "unknown".
    /// </summary>
    public SnapshotSource Source(long rounds, long transitions, string? fromPolicy)
    {
        SnapshotExperiment[] fed = [.. _contributors.Select((c, i) => new SnapshotExperiment(c.Experiment, c.Task, c.Model, c.Classes, _transitions[i]))
            .Where(e => e.Transitions > 0).OrderByDescending(e => e.Transitions)];
        return fed is [var main, ..]
            ? new SnapshotSource(main.Task, main.Model, main.Classes, rounds, transitions, fromPolicy, fed)
            : new SnapshotSource("unknown", "unknown", 0, rounds, transitions, fromPolicy, []);
    }
}
