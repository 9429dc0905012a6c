namespace AdaptiveLoss.Core.Policy.Snapshots;

/// <summary>A snapshot file that cannot be used: unreadable, too large, malformed, inconsistent or corrupt.</summary>
public sealed class PolicySnapshotException : Exception
{
    /// <summary>An error with a one-line message that names the file and the problem.</summary>
    public PolicySnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>An error caused by <paramref name="innerException"/>.</summary>
    public PolicySnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Required by CA1032.</summary>
    public PolicySnapshotException()
    {
    }
}
