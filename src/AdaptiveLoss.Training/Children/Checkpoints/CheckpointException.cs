namespace AdaptiveLoss.Training.Children.Checkpoints;

/// <summary>
/// A child checkpoint that cannot be used: unreadable, truncated, failing its hash, of another format, or written for
/// another child, model or data. The message is one line and names the file; the trainer never starts from such a
/// checkpoint (nothing of it is applied).
/// </summary>
public sealed class CheckpointException : Exception
{
    /// <summary>A checkpoint error about <paramref name="path"/>.</summary>
    public CheckpointException(string path, string problem, Exception? inner = null)
        : base($"checkpoint {path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The file or folder at fault.</summary>
    public string Path { get; }
}
