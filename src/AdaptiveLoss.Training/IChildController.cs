using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Training;

/// <summary>
/// The training thread's link to the orchestration. Called synchronously from the child's dedicated thread (never
/// from a grain scheduler), so an implementation may block on short grain calls.
/// </summary>
public interface IChildController
{
    /// <summary>Asks the shared policy for the actions of window <paramref name="window"/> given state s_t.</summary>
    PolicyDecision Decide(string childId, int window, float[][] states);

    /// <summary>Reports the end of a window: the transition for the coordinator and progress for the child's grain.</summary>
    void Report(WindowReport report);
}
