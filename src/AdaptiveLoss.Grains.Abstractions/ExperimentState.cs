namespace AdaptiveLoss.Grains;

/// <summary>Life cycle of an experiment.</summary>
[GenerateSerializer]
public enum ExperimentState
{
    /// <summary>Not started.</summary>
    Idle,
    /// <summary>Children are training.</summary>
    Running,
    /// <summary>Every child ended and at least one completed.</summary>
    Completed,
    /// <summary>Every child failed.</summary>
    Failed,
    /// <summary>Cancelled by the user.</summary>
    Cancelled,
}
