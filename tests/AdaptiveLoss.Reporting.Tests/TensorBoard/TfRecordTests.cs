using AdaptiveLoss.Reporting.TensorBoard;

namespace AdaptiveLoss.Reporting.Tests.TensorBoard;

/// <summary>Byte-exact records: hand-encoded events in TFRecord framing, CRCs computed outside this code base.</summary>
public sealed class TfRecordTests
{
    // Event { wall_time: 1.5, step: 200, summary { value { tag: "reward", simple_value: 0.5 } } }, protobuf bytes by hand:
    private static readonly byte[] RewardEvent =
    [
        0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0x3F, // field 1, fixed64: 1.5 as a little-endian double
        0x10, 0xC8, 0x01, // field 2, varint: 200 = 0b1_1001000 → 0xC8 0x01
        0x2A, 0x0F, // field 5, length 15: Summary
        0x0A, 0x0D, //   field 1, length 13: Summary.Value
        0x0A, 0x06, 0x72, 0x65, 0x77, 0x61, 0x72, 0x64, //     field 1, length 6: "reward"
        0x15, 0x00, 0x00, 0x00, 0x3F, //     field 2, fixed32: 0.5f
    ];

    [Fact]
    public void ScalarEvent_OneScalar_HandEncodedBytes()
    {
        Assert.Equal(RewardEvent, EventProto.ScalarEvent(1.5, 200, [new TensorBoardScalar("reward", 0.5f)]));
    }

    [Fact]
    public void Frame_RewardEvent_ExactRecord()
    {
        // Length 29 (uint64 LE), masked CRC-32C of those 8 bytes, the event, masked CRC-32C of the event. The CRCs were
        // computed with an independent bit-by-bit CRC-32C in Python (0x23DF2F60 and 0xDEF4B1D0), stored little-endian.
        byte[] expected =
        [
            0x1D, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x60, 0x2F, 0xDF, 0x23,
            .. RewardEvent,
            0xD0, 0xB1, 0xF4, 0xDE,
        ];

        Assert.Equal(expected, TfRecord.Frame(RewardEvent));
    }

    [Fact]
    public void FileVersionEvent_ExactRecord()
    {
        byte[] expected =
        [
            0x18, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // length 24
            0xA3, 0x7F, 0x4B, 0x22,
            0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0x3F, // wall_time 1.5 (step 0 is left out, as in proto3)
            0x1A, 0x0D, .. "brain.Event:2"u8, // field 3, length 13: file_version
            0x2A, 0x28, 0x64, 0x6C,
        ];

        Assert.Equal(expected, TfRecord.Frame(EventProto.FileVersionEvent(1.5)));
    }

    [Fact]
    public void ScalarEvent_SeveralScalars_DecodeWithGoogleProtobuf()
    {
        TensorBoardScalar[] scalars = [new("train/loss", 0.25f), new("validation/error", float.NaN), new("phi/norm", -3e-7f)];

        var decoded = EventFileReader.Decode(EventProto.ScalarEvent(1_700_000_000.125, 3_000_000_000L, scalars));

        Assert.Equal(1_700_000_000.125, decoded.WallTime);
        Assert.Equal(3_000_000_000L, decoded.Step);
        Assert.Null(decoded.FileVersion);
        Assert.Equal(scalars.Select(s => (s.Tag, s.Value)), decoded.Scalars);
    }

    [Fact]
    public void Frame_Records_ReadBackByTheIndependentReader()
    {
        var file = new[] { EventProto.FileVersionEvent(2), RewardEvent, new byte[300] }.SelectMany(p => TfRecord.Frame(p)).ToArray();

        var records = EventFileReader.ReadRecords(file);

        Assert.Equal([EventProto.FileVersionEvent(2), RewardEvent, new byte[300]], records);
        file[^1] ^= 1;
        Assert.Throws<InvalidDataException>(() => EventFileReader.ReadRecords(file));
    }
}
