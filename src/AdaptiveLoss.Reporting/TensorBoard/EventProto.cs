namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>
/// TensorFlow's <c>Event</c> message (tensorflow/core/util/event.proto), only the fields TensorBoard's scalar charts
/// read: wall_time = 1 (double, seconds since the Unix epoch), step = 2 (int64), file_version = 3 (string) and
/// summary = 5 → Summary { repeated Value value = 1 } → Value { tag = 1 (string), simple_value = 2 (float) }.
/// </summary>
public static class EventProto
{
    /// <summary>The file_version TensorBoard expects in the first record of a file.</summary>
    public const string FileVersion = "brain.Event:2";

    /// <summary>The first event of a file: its wall time and <see cref="FileVersion"/>.</summary>
    public static byte[] FileVersionEvent(double wallTime) =>
        new ProtoWriter().Double(1, wallTime).String(3, FileVersion).ToArray();

    /// <summary>An event with one summary holding <paramref name="scalars"/> at <paramref name="step"/>.</summary>
    /// <remarks>Like protobuf's own serialiser, step 0 (the proto3 default) is left out.</remarks>
    public static byte[] ScalarEvent(double wallTime, long step, IReadOnlyList<TensorBoardScalar> scalars)
    {
        ArgumentNullException.ThrowIfNull(scalars);
        var summary = new ProtoWriter();
        foreach (var scalar in scalars)
        {
            summary.Bytes(1, new ProtoWriter().String(1, scalar.Tag).Float(2, scalar.Value).ToArray());
        }

        var @event = new ProtoWriter().Double(1, wallTime);
        if (step != 0)
        {
            @event.Int64(2, step);
        }

        return @event.Bytes(5, summary.ToArray()).ToArray();
    }
}
