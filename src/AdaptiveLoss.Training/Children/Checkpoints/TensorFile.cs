using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children.Checkpoints;

/// <summary>One tensor read back from a <see cref="TensorFile"/>: its name, dtype, shape and raw little-endian bytes.</summary>
internal sealed record StoredTensor(string Name, ScalarType DType, long[] Shape, byte[] Data);

/// <summary>
/// A flat binary file of named tensors: "ALAT", format, count, then per tensor its name, dtype, shape and raw bytes
/// (CPU copies, bit-exact). Our own format rather than Module.save, so a load can check every name, dtype and shape
/// against the live model before touching it and say which one differs.
/// </summary>
internal static class TensorFile
{
    private const int Magic = 0x54414C41; // "ALAT"
    private const int Format = 1;

    public static void Write(Stream stream, IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        var list = tensors.ToList();
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Format);
        writer.Write(list.Count);
        foreach (var (name, tensor) in list)
        {
            writer.Write(name);
            writer.Write((int)tensor.dtype);
            writer.Write(tensor.shape.Length);
            foreach (var size in tensor.shape)
            {
                writer.Write(size);
            }

            var bytes = Bytes(tensor);
            writer.Write((long)bytes.Length);
            writer.Write(bytes);
        }
    }

    /// <summary>Reads every tensor; throws <see cref="CheckpointException"/> naming <paramref name="path"/> on any damage.</summary>
    public static List<StoredTensor> Read(string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Format)
            {
                throw new CheckpointException(path, "not a tensor file of format 1");
            }

            var count = reader.ReadInt32();
            var result = new List<StoredTensor>(count);
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var dtype = (ScalarType)reader.ReadInt32();
                var shape = new long[reader.ReadInt32()];
                for (var d = 0; d < shape.Length; d++)
                {
                    shape[d] = reader.ReadInt64();
                }

                var length = reader.ReadInt64();
                var data = reader.ReadBytes(checked((int)length));
                if (data.Length != length)
                {
                    throw new CheckpointException(path, $"truncated in tensor '{name}'");
                }

                result.Add(new StoredTensor(name, dtype, shape, data));
            }

            return result;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            throw new CheckpointException(path, $"unreadable tensor file ({ex.GetType().Name})", ex);
        }
    }

    /// <summary>A CPU tensor holding <paramref name="stored"/>'s values (in the caller's dispose scope).</summary>
    public static Tensor ToTensor(StoredTensor stored) => stored.DType switch
    {
        ScalarType.Float32 => torch.tensor(MemoryMarshal.Cast<byte, float>(stored.Data).ToArray(), stored.Shape),
        ScalarType.Float64 => torch.tensor(MemoryMarshal.Cast<byte, double>(stored.Data).ToArray(), stored.Shape),
        ScalarType.Int64 => torch.tensor(MemoryMarshal.Cast<byte, long>(stored.Data).ToArray(), stored.Shape),
        _ => throw new NotSupportedException($"tensor '{stored.Name}': dtype {stored.DType} is not checkpointed"),
    };

    private static byte[] Bytes(Tensor tensor)
    {
        using var scope = torch.NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous();
        return tensor.dtype switch
        {
            ScalarType.Float32 => MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()).ToArray(),
            ScalarType.Float64 => MemoryMarshal.AsBytes(cpu.data<double>().ToArray().AsSpan()).ToArray(),
            ScalarType.Int64 => MemoryMarshal.AsBytes(cpu.data<long>().ToArray().AsSpan()).ToArray(),
            _ => throw new NotSupportedException($"dtype {tensor.dtype} is not checkpointed"),
        };
    }
}
