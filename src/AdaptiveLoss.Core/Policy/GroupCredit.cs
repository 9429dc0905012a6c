namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// Pair credit's advantages (docs/credit.md): the action of group g in transition t is credited with
/// A_tg = r_tg − mean_t' r_t'g, its own difference reward minus the same group's mean over the round's transitions
/// that carry group rewards (with sibling rounds, its lineage's siblings). A group is thus compared only with itself in
/// the other children of the round, never with
/// the other pairs, whose shares of the metric differ in size. A round with one such transition has no peers: its
/// advantages are 0 (it teaches nothing, rather than its raw rewards).
/// </summary>
public static class GroupCredit
{
    /// <summary>
    /// Per transition of <paramref name="round"/>, its group advantages, or null where it has no group rewards. Peers
    /// are the round's credited transitions of the same <see cref="Transition.Lineage"/> (every credited transition
    /// without sibling rounds).
    /// </summary>
    public static double[]?[] Advantages(IReadOnlyList<Transition> round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var advantages = new double[]?[round.Count];
        var credited = Enumerable.Range(0, round.Count).Where(k => round[k].GroupRewards is not null);
        foreach (var peers in credited.GroupBy(k => round[k].Lineage, StringComparer.Ordinal))
        {
            var members = peers.ToArray();
            var groups = round[members[0]].GroupRewards!.Length;
            var means = new double[groups];
            foreach (var k in members)
            {
                for (var g = 0; g < groups; g++)
                {
                    means[g] += round[k].GroupRewards![g] / members.Length;
                }
            }

            foreach (var k in members)
            {
                advantages[k] = members.Length >= 2 ? [.. round[k].GroupRewards!.Select((r, g) => r - means[g])] : new double[groups];
            }
        }

        return advantages;
    }

    /// <summary>
    /// Null when <paramref name="t"/>'s group rewards fit it (one finite value per group) and match the round's
    /// <paramref name="groups"/> (the first credited transition's count); otherwise the problem.
    /// </summary>
    public static string? Problem(Transition t, int? groups)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.GroupRewards is not { } rewards)
        {
            return null;
        }

        if (rewards.Length != t.States.Length || (groups is { } n && rewards.Length != n))
        {
            return $"{rewards.Length} group rewards for {t.States.Length} groups" + (groups is { } m ? $" (the round's others have {m})" : string.Empty);
        }

        var bad = Array.FindIndex(rewards, r => !double.IsFinite(r));
        return bad >= 0 ? $"group {bad}'s reward is not finite ({rewards[bad]})" : null;
    }
}
