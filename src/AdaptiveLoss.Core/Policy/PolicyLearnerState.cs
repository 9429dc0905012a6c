namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// Everything a <see cref="PolicyLearner"/> learned (docs/durability.md): θ, Adam's moments and step, the update count
/// (version), the transitions seen, the running baseline and the replay memory, oldest first. Restoring it gives a
/// learner whose next decisions and updates are bit-identical to the original's.
/// </summary>
public sealed record PolicyLearnerState(
    double[] Parameters,
    long AdamStep,
    double[] FirstMoment,
    double[] SecondMoment,
    long Version,
    long Transitions,
    double BaselineAverage,
    ScoredTransition[] Memory);
