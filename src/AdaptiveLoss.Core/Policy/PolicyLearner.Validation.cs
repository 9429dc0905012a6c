using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Core.Policy;

/// <summary>The checks of a round before it reaches the learner (<see cref="PolicyLearner"/>).</summary>
public sealed partial class PolicyLearner
{
    // Checks every transition before anything changes, so a malformed report cannot half-apply a round.
    private void Validate(IReadOnlyList<Transition> round)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Count == 0)
        {
            throw new ArgumentException("a round needs at least one transition", nameof(round));
        }

        var groups = round.FirstOrDefault(t => t.GroupRewards is not null)?.GroupRewards?.Length;
        foreach (var t in round)
        {
            if (GroupCredit.Problem(t, groups) is { } credit)
            {
                throw new ArgumentException($"transition {t.ChildId} window {t.Window}: {credit}", nameof(round));
            }

            if (t.States.Length != t.Actions.Length)
            {
                throw new ArgumentException(
                    $"transition {t.ChildId} window {t.Window}: {t.States.Length} state rows but {t.Actions.Length} actions", nameof(round));
            }

            if (!double.IsFinite(t.Reward))
            {
                throw new ArgumentException($"transition {t.ChildId} window {t.Window}: reward is not finite ({t.Reward})", nameof(round));
            }

            for (var g = 0; g < t.States.Length; g++)
            {
                if (t.States[g].Length != Network.Inputs || (uint)t.Actions[g] >= ActionSet.Count)
                {
                    throw new ArgumentException(
                        $"transition {t.ChildId} window {t.Window}, group {g}: expected {Network.Inputs} features and an action in [0, {ActionSet.Count}), got {t.States[g].Length} and {t.Actions[g]}",
                        nameof(round));
                }

                foreach (var feature in t.States[g])
                {
                    if (!float.IsFinite(feature))
                    {
                        throw new ArgumentException(
                            $"transition {t.ChildId} window {t.Window}, group {g}: state feature is not finite ({feature})", nameof(round));
                    }
                }
            }
        }
    }
}
