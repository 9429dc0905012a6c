using System.Buffers.Binary;
using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Training.Data;

/// <summary>
/// Checks everything a run's data needs before anything starts (docs/design.md §2 and §4: bad input is refused in one
/// line before any work), reading headers and labels, never whole image files: magic numbers and dimensions, file
/// sizes against the headers (truncation; for gzip the trailer's uncompressed size), images per labels in each split,
/// equal training and test image shapes, every label within the data set's classes, a non-empty test split, and
/// enough training images for the validation split (per class for the balanced one). The checks are the readers'
/// own (<see cref="IdxHeader"/>, <see cref="IdxReader"/>, <see cref="CifarReader"/>, <see cref="DataSplit"/>), so a
/// folder that passes loads, and every problem is the same one-line <see cref="DataFormatException"/>.
/// </summary>
public static partial class DataPreflight
{
    private const int Chunk = 64 * 1024;

    // Training labels kept for the exact carve: 16 M (a byte each) covers every real data set many times over; a
    // larger file still gets every check but that one, so memory stays bounded whatever the header says.
    private const int MaxKeptLabels = 1 << 24;

    /// <summary>Checks the data of <paramref name="options"/>'s task; returns the images a child will train on.</summary>
    /// <exception cref="DataFormatException">The first problem, naming the file or folder.</exception>
    /// <exception cref="ArgumentException">A task that needs <c>--data</c> has none.</exception>
    public static long Check(ChildSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = DataCatalog.ResolveFolder(options);
        var (train, test) = DataCatalog.IsCifar(options, folder)
            ? (Cifar(folder, CifarReader.TrainFiles), Cifar(folder, [CifarReader.TestFile]))
            : (Idx(folder, "train"), Idx(folder, "t10k"));
        if (test.Shape != train.Shape)
        {
            throw DataSplit.ShapeMismatch(folder, test.Shape, train.Shape);
        }

        // --classes K keeps the images labelled below K (DataCatalog), so only those count.
        var classes = Math.Min(options.Classes ?? train.PerClass.Length, train.PerClass.Length);
        if (options.Task == TaskKind.Retrieval)
        {
            return CheckRetrieval(options, train, test, classes);
        }

        var kept = classes < train.PerClass.Length ? $" labelled below {classes}" : string.Empty;
        if (test.PerClass.Take(classes).Sum() == 0)
        {
            throw new DataFormatException(test.Source, $"the test split has no images{kept}: a run needs some to report its test error");
        }

        var trainPerClass = train.PerClass.Take(classes).ToArray();
        if (trainPerClass.Sum() <= options.ValidationSize)
        {
            throw DataSplit.NoTrainingImages(train.Source, options.ValidationSize, trainPerClass.Sum());
        }

        if (options.ResolvedValidationSplit() == ValidationSplitKind.Balanced
            && ValidationSplit.BalancedProblem(trainPerClass, options.ValidationSize) is { } balanced)
        {
            throw new DataFormatException(train.Source, balanced);
        }

        // The loader's own carve on the labels (the long tail needs every class after the train limit, say).
        if (train.Labels is { } labels)
        {
            return DataSplit.Indices(train.Source, [.. labels.Where(l => l < classes).Select(l => (int)l)], classes, options).Train.Length;
        }

        // Too many labels to carve exactly (MaxKeptLabels): what is left after the validation split, up to the limit.
        var rest = trainPerClass.Sum() - options.ValidationSize;
        return options.TrainLimit is { } limit ? Math.Min(limit, rest) : rest;
    }

    /// <summary>What <see cref="Check"/> finds: its one-line problem, or the images a child trains on.</summary>
    public static DataCheck Inspect(ChildSettings options)
    {
        try
        {
            return new DataCheck(null, Check(options));
        }
        catch (Exception ex) when (ex is DataFormatException or ArgumentException)
        {
            return new DataCheck(ex.Message, null);
        }
    }

    /// <summary>The one-line problem <see cref="Check"/> finds, or null when the data is fit to run on.</summary>
    public static string? Problem(ChildSettings options) => Inspect(options).Problem;

    /// <summary>The one-line error for an images file and a labels file of different counts.</summary>
    internal static DataFormatException CountMismatch(string labelPath, long labels, long images, string imagePath) =>
        new(labelPath, $"shape mismatch: {labels} labels for the {images} images of {Path.GetFileName(imagePath)}");

    // One split of an IDX folder: both headers against the files' sizes, equal counts, the labels counted per class.
    private static Split Idx(string folder, string prefix)
    {
        var imagePath = IdxReader.Resolve(folder, $"{prefix}-images-idx3-ubyte");
        var labelPath = IdxReader.Resolve(folder, $"{prefix}-labels-idx1-ubyte");
        var images = Header(imagePath, 16, IdxHeader.Images);
        var labels = Header(labelPath, 8, IdxHeader.Labels);
        if (images.Count != labels.Count)
        {
            throw CountMismatch(labelPath, labels.Count, images.Count, imagePath);
        }

        var (perClass, kept) = ReadIdxLabels(labelPath, labels);
        return new Split(labelPath, $"1x{images.Rows}x{images.Cols}", perClass, kept);
    }

    // The header of an IDX file, and the file's (uncompressed) length checked against it.
    private static IdxHeader Header(string path, int size, Func<string, ReadOnlySpan<byte>, IdxHeader> parse)
    {
        IdxHeader header;
        using (var stream = IdxReader.Open(path))
        {
            header = parse(path, IdxReader.ReadExactly(stream, path, size, "header", size));
        }

        var (length, isGzip) = UncompressedLength(path);
        if (isGzip && length != (uint)header.FileBytes)
        {
            // ISIZE is the length modulo 2^32; a cut or damaged file ends in bytes that are not the trailer.
            throw new DataFormatException(path, $"truncated or corrupt gzip file: its trailer says {length} uncompressed bytes but the header says {header.Describe()} ({header.FileBytes} bytes)");
        }

        return !isGzip && length < header.FileBytes
            ? throw IdxReader.Truncated(path, header.Describe(), header.BodyBytes, size, length - size)
            : header;
    }

    // The raw length, or for gzip the trailer's ISIZE (RFC 1952 §2.3.1: the last 4 bytes, little-endian).
    private static (long Length, bool IsGzip) UncompressedLength(string path)
    {
        using var file = CifarReader.OpenRegular(path);
        Span<byte> bytes = stackalloc byte[4];
        var isGzip = file.Read(bytes[..2]) == 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
        if (!isGzip || file.Length < 18)
        {
            return (file.Length, isGzip);
        }

        file.Position = file.Length - 4;
        file.ReadExactly(bytes);
        return (BinaryPrimitives.ReadUInt32LittleEndian(bytes), true);
    }

    // The labels after the header, streamed in chunks: never the whole file in memory, whatever its header says.
    private static (long[] PerClass, byte[]? Kept) ReadIdxLabels(string path, IdxHeader header)
    {
        var perClass = new long[DataCatalog.IdxClasses];
        var kept = header.Count <= MaxKeptLabels ? new byte[header.Count] : null;
        using var stream = IdxReader.Open(path);
        IdxReader.ReadExactly(stream, path, header.HeaderBytes, "header", header.HeaderBytes);
        var buffer = new byte[Chunk];
        for (long at = 0; at < header.Count;)
        {
            var want = (int)Math.Min(Chunk, header.Count - at);
            var read = ReadChunk(stream, path, buffer.AsSpan(0, want));
            if (read < want)
            {
                throw IdxReader.Truncated(path, header.Describe(), header.BodyBytes, header.HeaderBytes, at + read);
            }

            for (var k = 0; k < read; k++, at++)
            {
                if (buffer[k] >= perClass.Length)
                {
                    throw IdxReader.LabelOutOfRange(path, at, buffer[k], perClass.Length);
                }

                perClass[buffer[k]]++;
                if (kept is not null)
                {
                    kept[at] = buffer[k];
                }
            }
        }

        return (perClass, kept);
    }

    private static int ReadChunk(Stream stream, string path, Span<byte> buffer)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(path, $"corrupt gzip stream ({ex.Message.ReplaceLineEndings(" ")})", ex);
        }
    }

    // CIFAR-10 files: whole records, and each record's label byte read where it lies (one small read per record).
    private static Split Cifar(string folder, IReadOnlyList<string> names)
    {
        var perClass = new long[CifarReader.Classes];
        var paths = names.Select(n => CifarReader.Resolve(folder, n)).ToArray();
        var label = new byte[1];
        var kept = new List<byte>();
        foreach (var path in paths)
        {
            var records = CifarReader.CheckedLength(path) / CifarReader.RecordBytes;
            using var file = CifarReader.OpenRegular(path);
            for (long r = 0; r < records; r++)
            {
                if (RandomAccess.Read(file.SafeFileHandle, label, r * CifarReader.RecordBytes) != 1)
                {
                    throw new DataFormatException(path, "file changed while it was read");
                }

                perClass[label[0] < perClass.Length ? label[0] : throw CifarReader.LabelOutOfRange(path, r, label[0])]++;
                if (kept.Count < MaxKeptLabels)
                {
                    kept.Add(label[0]);
                }
            }
        }

        return new Split(paths.Length == 1 ? paths[0] : folder, "3x32x32", perClass, kept.Count == perClass.Sum() ? [.. kept] : null);
    }

    // What the split checks need of one split: where it comes from, one image's shape, its images per label, and its
    // labels in file order (null when there are too many to keep).
    private sealed record Split(string Source, string Shape, long[] PerClass, byte[]? Labels);
}
