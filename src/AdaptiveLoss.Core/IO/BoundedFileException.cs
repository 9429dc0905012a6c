namespace AdaptiveLoss.Core.IO;

/// <summary>
/// A file <see cref="BoundedFile"/> refused to read: not a regular file, or over the caller's size limit. An
/// <see cref="IOException"/>, so callers that already turn read errors into one line keep doing so.
/// </summary>
public sealed class BoundedFileException : IOException
{
    /// <summary>A one-line error "<paramref name="path"/>: <paramref name="problem"/>".</summary>
    public BoundedFileException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file refused.</summary>
    public string Path { get; }

    /// <summary>Why, without the path ("is a FIFO, not a regular file", "is larger than 32 MiB").</summary>
    public string Problem { get; }
}
