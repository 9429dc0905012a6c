using System.Buffers.Binary;
using Google.Protobuf;

namespace AdaptiveLoss.Reporting.Tests.TensorBoard;

/// <summary>A decoded TensorBoard event: wall time, step, and either the file version or the scalars.</summary>
internal sealed record DecodedEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<(string Tag, float Value)> Scalars);

/// <summary>
/// Reads an event file independently of the writer: walks the TFRecord framing, checks both masked CRCs with a
/// bit-by-bit CRC-32C (not the writer's table), and decodes each Event with Google.Protobuf's CodedInputStream.
/// Shared with AdaptiveLoss.Cli.Tests as a linked file.
/// </summary>
internal static class EventFileReader
{
    public static IReadOnlyList<DecodedEvent> Read(string path) => ReadRecords(File.ReadAllBytes(path)).Select(Decode).ToList();

    /// <summary>The payloads of every record; throws on a short record or a CRC mismatch.</summary>
    public static IReadOnlyList<byte[]> ReadRecords(byte[] file)
    {
        var records = new List<byte[]>();
        var offset = 0;
        while (offset < file.Length)
        {
            if (file.Length - offset < 12)
            {
                throw new InvalidDataException($"truncated header at byte {offset}");
            }

            var header = file.AsSpan(offset, 8);
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header));
            Check(header, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8)), $"length CRC at byte {offset}");
            if (file.Length - offset - 12 < length + 4)
            {
                throw new InvalidDataException($"truncated record at byte {offset}");
            }

            var payload = file.AsSpan(offset + 12, length);
            Check(payload, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 12 + length)), $"payload CRC at byte {offset}");
            records.Add(payload.ToArray());
            offset += 16 + length;
        }

        return records;
    }

    public static DecodedEvent Decode(byte[] payload)
    {
        var input = new CodedInputStream(payload);
        double wallTime = 0;
        long step = 0;
        string? fileVersion = null;
        var scalars = new List<(string, float)>();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            switch (tag)
            {
                case (1 << 3) | 1: wallTime = input.ReadDouble(); break;
                case (2 << 3) | 0: step = input.ReadInt64(); break;
                case (3 << 3) | 2: fileVersion = input.ReadString(); break;
                case (5 << 3) | 2: scalars.AddRange(DecodeSummary(input.ReadBytes().ToByteArray())); break;
                default: throw new InvalidDataException($"unexpected Event tag {tag}");
            }
        }

        return new DecodedEvent(wallTime, step, fileVersion, scalars);
    }

    /// <summary>Bit-by-bit CRC-32C (reflected 0x82F63B78), then TensorFlow's mask.</summary>
    public static uint ReferenceMaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }

        crc ^= 0xFFFFFFFFu;
        return unchecked(((crc >> 15) | (crc << 17)) + 0xA282EAD8u);
    }

    private static IEnumerable<(string, float)> DecodeSummary(byte[] summary)
    {
        var input = new CodedInputStream(summary);
        var values = new List<(string, float)>();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            Assert.Equal((1u << 3) | 2, tag); // repeated Value value = 1
            var value = new CodedInputStream(input.ReadBytes().ToByteArray());
            string? name = null;
            float? simple = null;
            for (var t = value.ReadTag(); t != 0; t = value.ReadTag())
            {
                switch (t)
                {
                    case (1 << 3) | 2: name = value.ReadString(); break;
                    case (2 << 3) | 5: simple = value.ReadFloat(); break;
                    default: throw new InvalidDataException($"unexpected Summary.Value tag {t}");
                }
            }

            values.Add((name ?? throw new InvalidDataException("a value without a tag"), simple ?? throw new InvalidDataException("a value without simple_value")));
        }

        return values;
    }

    private static void Check(ReadOnlySpan<byte> data, uint stored, string what)
    {
        var expected = ReferenceMaskedCrc(data);
        if (stored != expected)
        {
            throw new InvalidDataException($"{what}: stored 0x{stored:X8}, computed 0x{expected:X8}");
        }
    }
}
