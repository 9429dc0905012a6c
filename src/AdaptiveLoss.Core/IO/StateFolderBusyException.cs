namespace AdaptiveLoss.Core.IO;

/// <summary>A state folder is locked by another owner (<see cref="StateFolderLock"/>).</summary>
public sealed class StateFolderBusyException : IOException
{
    /// <summary>The folder <paramref name="directory"/> is held by <paramref name="holder"/> (null when unknown).</summary>
    public StateFolderBusyException(string directory, string? holder, Exception? inner = null)
        : base($"state folder {directory} is in use by {(holder is null ? "another process" : $"another process ({holder})")}", inner)
    {
        (Directory, Holder) = (directory, holder);
    }

    /// <summary>The locked folder.</summary>
    public string Directory { get; }

    /// <summary>Who holds it, as its owner file says; null when unknown.</summary>
    public string? Holder { get; }
}
