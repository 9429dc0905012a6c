namespace AdaptiveLoss.Grains;

/// <summary>Life cycle of a child's training run.</summary>
[GenerateSerializer]
public enum ChildState
{
    /// <summary>Not started.</summary>
    Idle,
    /// <summary>Waiting for a training slot on its silo.</summary>
    Queued,
    /// <summary>Training on its dedicated thread.</summary>
    Running,
    /// <summary>Finished all epochs and the test evaluation.</summary>
    Completed,
    /// <summary>Threw; the error is in the status.</summary>
    Failed,
    /// <summary>Stopped by a cancel.</summary>
    Cancelled,
}
