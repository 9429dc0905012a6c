namespace AdaptiveLoss.Grains;

/// <summary>Questions about a <see cref="ChildState"/> that grains and clients ask alike.</summary>
public static class ChildStates
{
    /// <summary>True once the run is over, whatever the outcome: completed, failed or cancelled.</summary>
    public static bool HasEnded(this ChildState state) => state is ChildState.Completed or ChildState.Failed or ChildState.Cancelled;
}
