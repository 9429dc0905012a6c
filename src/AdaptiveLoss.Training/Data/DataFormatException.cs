namespace AdaptiveLoss.Training.Data;

/// <summary>
/// Corrupt or missing input data (docs/design.md §2): a wrong magic number, a truncated file, a label out of range, a shape
/// mismatch, a missing file or folder. The message is one line that names the file and the problem, so the CLI can
/// print it as it is and exit 2.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>A one-line error "<paramref name="path"/>: <paramref name="problem"/>".</summary>
    public DataFormatException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>A one-line error "<paramref name="path"/>: <paramref name="problem"/>" caused by <paramref name="inner"/>.</summary>
    public DataFormatException(string path, string problem, Exception inner)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file or folder at fault.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; }
}
