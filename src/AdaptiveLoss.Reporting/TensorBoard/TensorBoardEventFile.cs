using System.Globalization;

namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>
/// One TensorBoard event file, <c>events.out.tfevents.&lt;unix-seconds&gt;.&lt;hostname&gt;</c> (the name TensorBoard
/// looks for): a file_version record first, then one record per <see cref="Write"/>. Every write is flushed, so a
/// TensorBoard watching the folder sees each event as it comes and a killed run loses nothing already written.
/// </summary>
public sealed class TensorBoardEventFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly TimeProvider _clock;

    private TensorBoardEventFile(string path, FileStream stream, TimeProvider clock)
    {
        Path = path;
        _stream = stream;
        _clock = clock;
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>Creates the folder and a new event file in it, and writes the file_version record.</summary>
    /// <param name="directory">Folder of one TensorBoard run (here: one child).</param>
    /// <param name="clock">Wall clock of the file name and the events' wall_time; the system clock when null.</param>
    /// <exception cref="IOException">The folder or file cannot be created.</exception>
    public static TensorBoardEventFile Create(string directory, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        clock ??= TimeProvider.System;
        Directory.CreateDirectory(directory);
        var seconds = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, $"events.out.tfevents.{seconds}.{Environment.MachineName}"));
        // Append: a second writer in the same second (same run folder) adds to the file instead of truncating it.
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var file = new TensorBoardEventFile(path, stream, clock);
        file.Append(EventProto.FileVersionEvent(file.WallTime()));
        return file;
    }

    /// <summary>Opens an existing event file to add events after its last one (a resumed run); no second file_version.</summary>
    /// <param name="path">The event file.</param>
    /// <param name="clock">Wall clock of the events' wall_time; the system clock when null.</param>
    /// <exception cref="IOException">The file cannot be opened for writing.</exception>
    public static TensorBoardEventFile Continue(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        return new TensorBoardEventFile(full, new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read), clock ?? TimeProvider.System);
    }

    /// <summary>Writes one event with <paramref name="scalars"/> at <paramref name="step"/>, stamped with the current wall time.</summary>
    public void Write(long step, IReadOnlyList<TensorBoardScalar> scalars) => Append(EventProto.ScalarEvent(WallTime(), step, scalars));

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private double WallTime() => _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private void Append(byte[] payload)
    {
        _stream.Write(TfRecord.Frame(payload));
        _stream.Flush();
    }
}
