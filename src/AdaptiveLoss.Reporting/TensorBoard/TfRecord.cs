using System.Buffers.Binary;

namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>
/// TFRecord framing (tensorflow/core/lib/io/record_writer.cc): uint64 length (little-endian), masked CRC-32C of those
/// 8 bytes, the payload, masked CRC-32C of the payload. TensorBoard event files are a sequence of such records.
/// </summary>
public static class TfRecord
{
    /// <summary>Bytes of framing around a payload: 8 (length) + 4 (its CRC) + 4 (payload CRC).</summary>
    public const int Overhead = 16;

    /// <summary>One record holding <paramref name="payload"/>.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var record = new byte[payload.Length + Overhead];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Crc32C.Masked(span[..8]));
        payload.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(12 + payload.Length)..], Crc32C.Masked(payload));
        return record;
    }
}
