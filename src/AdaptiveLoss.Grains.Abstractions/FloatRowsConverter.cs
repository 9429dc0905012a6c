using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdaptiveLoss.Grains;

/// <summary>
/// States (<c>float[][]</c>: one row of features per group) as one base64 string of the row's little-endian float32 bytes
/// per row, in grain messages and grain storage (docs/durability.md, "Group commit"). A window's report carries 45 × 24
/// features and every transition is stored twice (pending, then in a memory chunk); as JSON numbers each float costs a
/// shortest-round-trip formatting and a parse, which made storing a round of 1,000 children take most of a second.
/// The bytes are exact (no rounding at all); rows written as number arrays by earlier versions still read.
/// </summary>
public sealed class FloatRowsConverter : JsonConverter<float[][]>
{
    /// <inheritdoc/>
    public override float[][]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected an array of state rows, got {reader.TokenType}");
        }

        var rows = new List<float[]>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            rows.Add(reader.TokenType switch
            {
                JsonTokenType.String => FromBase64(reader.GetBytesFromBase64()),
                JsonTokenType.StartArray => JsonSerializer.Deserialize<float[]>(ref reader, options)!,
                JsonTokenType.Null => null!,
                _ => throw new JsonException($"expected a state row (base64 or numbers), got {reader.TokenType}"),
            });
        }

        return [.. rows];
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, float[][] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var row in value)
        {
            if (row is null)
            {
                writer.WriteNullValue();
            }
            else if (BitConverter.IsLittleEndian)
            {
                writer.WriteBase64StringValue(MemoryMarshal.AsBytes(row.AsSpan()));
            }
            else
            {
                // The base64 form is little-endian by definition; a big-endian host writes plain numbers instead.
                JsonSerializer.Serialize(writer, row, options);
            }
        }

        writer.WriteEndArray();
    }

    private static float[] FromBase64(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new JsonException($"a state row of {bytes.Length} bytes is not a whole number of float32 values");
        }

        var row = new float[bytes.Length / sizeof(float)];
        bytes.CopyTo(MemoryMarshal.AsBytes(row.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = BitConverter.Int32BitsToSingle(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(BitConverter.SingleToInt32Bits(row[i])));
            }
        }

        return row;
    }
}
