using System.Buffers.Binary;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>
/// What a resumed run needs of an existing event file: the highest step in it, and whether it ends on a whole record
/// (appending after a torn record, left by a killed writer, would hide the new events from TensorBoard's reader).
/// </summary>
public static class EventFileTail
{
    /// <summary>Largest event file read back: a child's events over a long run are a few hundred KiB.</summary>
    public const long MaxBytes = 64 * BoundedFile.MiB;

    /// <summary>
    /// The highest step of the file's events (0 for a file with only its file_version); null when a record is torn or
    /// damaged, or the file is not a regular file or is over <see cref="MaxBytes"/> (the caller then starts a new file).
    /// </summary>
    public static long? LastStep(string path)
    {
        byte[] file;
        try
        {
            file = BoundedFile.ReadAllBytes(path, MaxBytes);
        }
        catch (BoundedFileException)
        {
            return null;
        }

        var last = 0L;
        var offset = 0;
        while (offset < file.Length)
        {
            if (file.Length - offset < TfRecord.Overhead)
            {
                return null;
            }

            var header = file.AsSpan(offset, 8);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8)) != Crc32C.Masked(header)
                || length > (ulong)(file.Length - offset - TfRecord.Overhead))
            {
                return null;
            }

            var payload = file.AsSpan(offset + 12, (int)length);
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 12 + (int)length)) != Crc32C.Masked(payload)
                || Step(payload) is not { } step)
            {
                return null;
            }

            last = Math.Max(last, step);
            offset += TfRecord.Overhead + (int)length;
        }

        return last;
    }

    // The Event's step (field 2, varint; absent = 0, as EventProto leaves it out); null when the message does not parse.
    private static long? Step(ReadOnlySpan<byte> message)
    {
        var step = 0L;
        var at = 0;
        while (at < message.Length)
        {
            if (Varint(message, ref at) is not { } key)
            {
                return null;
            }

            var (field, wire) = (key >> 3, key & 7);
            switch (wire)
            {
                case 0 when Varint(message, ref at) is { } value:
                    step = field == 2 ? (long)value : step;
                    break;
                case 1:
                    at += 8;
                    break;
                case 2 when Varint(message, ref at) is { } size && size <= (ulong)(message.Length - at):
                    at += (int)size;
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    return null;
            }
        }

        return at == message.Length ? step : null;
    }

    private static ulong? Varint(ReadOnlySpan<byte> data, ref int at)
    {
        var value = 0UL;
        for (var shift = 0; shift < 64 && at < data.Length; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        return null;
    }
}
