using System.Buffers.Binary;
using System.Numerics;

namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78; RFC 3720 §B.4), the checksum of TFRecord framing, and the
/// "masked" form TensorFlow stores (tensorflow/core/lib/hash/crc32c.h: a rotation plus a constant, so that a CRC of
/// data that itself holds CRCs does not degenerate).
/// </summary>
public static class Crc32C
{
    private const uint MaskDelta = 0xA282EAD8;

    /// <summary>The CRC-32C of <paramref name="data"/>, e.g. 0xE3069283 for the ASCII bytes of "123456789".</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        // No lookup table: the BCL has CRC-32C in BitOperations (SSE4.2 / ARMv8 crc32c instructions, software
        // fallback elsewhere). It only accumulates the register, so the standard pre- and post-inversion
        // (init 0xFFFFFFFF, final xor 0xFFFFFFFF) are applied here. The ulong overload consumes its bytes
        // least-significant first, i.e. in memory order when read little-endian.
        var crc = 0xFFFFFFFFu;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>TensorFlow's masked CRC: ((crc &gt;&gt; 15) | (crc &lt;&lt; 17)) + 0xa282ead8, modulo 2³².</summary>
    public static uint Mask(uint crc) => unchecked(((crc >> 15) | (crc << 17)) + MaskDelta);

    /// <summary>The masked CRC-32C of <paramref name="data"/>, as a TFRecord stores it.</summary>
    public static uint Masked(ReadOnlySpan<byte> data) => Mask(Compute(data));
}
