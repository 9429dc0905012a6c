using System.Text;
using AdaptiveLoss.Reporting.TensorBoard;

namespace AdaptiveLoss.Reporting.Tests.TensorBoard;

/// <summary>CRC-32C against published vectors: the standard check value and RFC 3720 §B.4.</summary>
public sealed class Crc32CTests
{
    public static TheoryData<byte[], uint> Vectors => new()
    {
        { Encoding.ASCII.GetBytes("123456789"), 0xE3069283 },
        { new byte[32], 0x8A9136AA },
        { Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43 },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794E },
        { Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113FDB5C },
        // RFC 3720 §B.4: an iSCSI SCSI Read (10) command PDU.
        { Convert.FromHexString("01C00000" + "00000000000000000000000014000000" + "00000400000000140000001828000000" + "000000000200000000000000"), 0xD9963A56 },
        { [], 0x00000000 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Compute_KnownVector_PublishedValue(byte[] data, uint expected)
    {
        Assert.Equal(expected, Crc32C.Compute(data));
    }

    [Fact]
    public void Mask_RotatesAndAddsTheConstant()
    {
        Assert.Equal(0xA282EAD8u, Crc32C.Mask(0));
        // 0xE3069283 rotated right by 15 bits is 0x2507C60D; plus 0xA282EAD8 (mod 2³²) is 0xC78AB0E5.
        Assert.Equal(0xC78AB0E5u, Crc32C.Mask(0xE3069283));
        Assert.Equal(0xC78AB0E5u, Crc32C.Masked(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Masked_RandomData_EqualsTheBitwiseReference()
    {
        var random = new Random(5);
        for (var length = 0; length < 300; length += 7)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(EventFileReader.ReferenceMaskedCrc(data), Crc32C.Masked(data));
        }
    }
}
