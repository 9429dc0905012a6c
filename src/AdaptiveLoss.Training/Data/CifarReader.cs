using AdaptiveLoss.Core.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Data;

/// <summary>
/// Reader of the CIFAR-10 binary format (docs/design.md §2): each record is 1 label byte followed by 3,072 pixel bytes (the red,
/// green and blue 32×32 planes, row-major). Training files are <c>data_batch_1.bin</c> … <c>data_batch_5.bin</c>, the
/// test file <c>test_batch.bin</c>. Problems are one-line <see cref="DataFormatException"/>s naming the file.
/// </summary>
public static class CifarReader
{
    /// <summary>Bytes per image: 3 planes of 32×32.</summary>
    public const int ImageBytes = 3 * 32 * 32;

    /// <summary>Bytes per record: the label byte and the image.</summary>
    public const int RecordBytes = 1 + ImageBytes;

    /// <summary>CIFAR-10 has 10 classes.</summary>
    public const int Classes = 10;

    /// <summary>The five training files, in order.</summary>
    public static IReadOnlyList<string> TrainFiles { get; } =
        Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").ToArray();

    /// <summary>The test file.</summary>
    public const string TestFile = "test_batch.bin";

    /// <summary>
    /// The records of <paramref name="paths"/>, concatenated in order: images float32 [n, 3, 32, 32] scaled to [0, 1]
    /// and labels int64 [n]. Both are detached from any dispose scope (the caller owns them).
    /// </summary>
    public static (Tensor Images, Tensor Labels) Read(IReadOnlyList<string> paths)
    {
        var files = paths.Select(p => (Path: p, Length: CheckedLength(p))).ToArray();
        var count = files.Sum(f => f.Length / RecordBytes);
        var pixels = new byte[count * ImageBytes];
        var labels = new byte[count];
        long at = 0;
        foreach (var (path, length) in files)
        {
            var bytes = ReadAll(path, length);

            for (long r = 0; r < length / RecordBytes; r++, at++)
            {
                var record = bytes.AsSpan((int)(r * RecordBytes), RecordBytes);
                if (record[0] >= Classes)
                {
                    throw LabelOutOfRange(path, r, record[0]);
                }

                labels[at] = record[0];
                record[1..].CopyTo(pixels.AsSpan((int)(at * ImageBytes), ImageBytes));
            }
        }

        using var rawImages = torch.tensor(pixels, new long[] { count, 3, 32, 32 }, ScalarType.Byte);
        using var rawLabels = torch.tensor(labels, new long[] { count }, ScalarType.Byte);
        var images = rawImages.to_type(ScalarType.Float32).div_(255.0f).DetachFromDisposeScope();
        return (images, rawLabels.to_type(ScalarType.Int64).DetachFromDisposeScope());
    }

    /// <summary>The file <paramref name="name"/> in <paramref name="folder"/>; a missing file is a <see cref="DataFormatException"/>.</summary>
    public static string Resolve(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? path : throw new DataFormatException(path, "missing file (a CIFAR-10 binary folder holds data_batch_1..5.bin and test_batch.bin)");
    }

    /// <summary>The one-line error for label <paramref name="label"/> of record <paramref name="record"/>.</summary>
    internal static DataFormatException LabelOutOfRange(string path, long record, int label) =>
        new(path, $"label out of range: record {record} has label {label}, expected 0..{Classes - 1}");

    /// <summary>The length of <paramref name="path"/>, a regular file of whole records (at least one).</summary>
    internal static long CheckedLength(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, "missing file");
        }

        using var file = OpenRegular(path);
        var length = file.Length;
        if (length == 0 || length % RecordBytes != 0)
        {
            throw new DataFormatException(path, $"truncated file: {length} bytes is not a whole number of {RecordBytes}-byte records");
        }

        return length;
    }

    /// <summary><paramref name="path"/> opened for reading if it is a regular file (a FIFO would block, a device never end).</summary>
    internal static FileStream OpenRegular(string path)
    {
        try
        {
            return BoundedFile.OpenRegular(path);
        }
        catch (BoundedFileException ex)
        {
            throw new DataFormatException(path, ex.Problem, ex);
        }
    }

    // The whole file, which must still be the length checked before the buffers were sized.
    private static byte[] ReadAll(string path, long length)
    {
        try
        {
            var bytes = BoundedFile.ReadAllBytes(path, length);
            return bytes.LongLength == length ? bytes : throw new DataFormatException(path, "file changed while it was read");
        }
        catch (BoundedFileException ex)
        {
            throw new DataFormatException(path, ex.Problem, ex);
        }
    }
}
