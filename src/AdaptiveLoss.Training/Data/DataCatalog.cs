using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Data;

/// <summary>
/// Resolves an experiment's task to its data and loads it (docs/design.md §2). The splits are cached by every option
/// that changes them, so the children of one silo share one read-only copy; concurrent first calls load it once. A
/// silo's children take leases (<see cref="Acquire"/>): data nobody holds is disposed when it has been unused for
/// <see cref="IdleTime"/> or when another data set became unused after it, so a long-lived silo running experiments on
/// many data sets keeps only those in use and the last one used.
/// </summary>
public static partial class DataCatalog
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs its files.</summary>
    public const string FashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>MNIST-format folders (MNIST, KMNIST, Fashion-MNIST) have 10 classes.</summary>
    public const int IdxClasses = 10;

    /// <summary>How long unused data stays loaded for the next experiment on it.</summary>
    public static readonly TimeSpan IdleTime = TimeSpan.FromMinutes(10);

    /// <summary>Unused data sets kept loaded: the last one, for the next experiment on the same data.</summary>
    public const int MaxIdle = 1;

    private static readonly LeaseCache<string, TaskData> Cache = new(MaxIdle, IdleTime, TimeProvider.System);

    /// <summary>
    /// The task's splits: validation = the last <see cref="ChildSettings.ValidationSize"/> images of the training
    /// file; training = the first <see cref="ChildSettings.TrainLimit"/> of the rest (all when null). With
    /// <paramref name="normalize"/> (the default) every split is standardised per channel with the mean and standard
    /// deviation of the training split. With <see cref="ChildSettings.Classes"/> = K only the images labelled
    /// 0..K−1 are kept, in file order, before the splits are carved, so every split and the class count are K's. The
    /// data is shared and owned by the catalog: read it while the lease is held, dispose the lease (never the data) when
    /// done. Throws <see cref="DataFormatException"/> for missing or corrupt data and for a validation split that leaves
    /// no training images; a failed load is not kept (the user may fix the folder and retry in the same process).
    /// </summary>
    public static LeaseCache<string, TaskData>.Lease Acquire(ChildSettings options, bool normalize = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = ResolveFolder(options);
        // Every option that changes a split is in the key: runs with other transforms never share a copy.
        var key = string.Join('|', options.Task, folder, options.ValidationSize, options.TrainLimit, options.Classes, normalize,
            options.ResolvedValidationSplit(), options.DataSeed, options.Imbalance, options.ImbalanceOrder, options.ResolvedLabelNoise()?.Format(),
            options.Task == TaskKind.Retrieval ? options.TrainClasses?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "half" : null);
        return Cache.Acquire(key, () => Build(options, folder, normalize));
    }

    /// <summary>
    /// The task's splits as <see cref="Acquire"/> loads them, kept loaded for the rest of the process (a lease never
    /// returned): for a process that trains on one data set and ends (benchmarks, tests), not for a silo's children.
    /// The data is shared and owned by the catalog: do not dispose it.
    /// </summary>
    public static TaskData Load(ChildSettings options, bool normalize = true) => Acquire(options, normalize).Value;

    /// <summary>The absolute data folder of the task; a missing folder is a <see cref="DataFormatException"/>.</summary>
    public static string ResolveFolder(ChildSettings options)
    {
        var folder = options.Task switch
        {
            TaskKind.FashionMnist or TaskKind.Retrieval => options.DataDirectory ?? FashionMnistDirectory,
            _ => options.DataDirectory ?? throw new ArgumentException($"--task {options.Task.ToString().ToLowerInvariant()} needs --data DIR"),
        };
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            var hint = options.Task is TaskKind.FashionMnist or TaskKind.Retrieval && options.DataDirectory is null
                ? " (install it with: apt-get install -y dataset-fashion-mnist)"
                : string.Empty;
            throw new DataFormatException(full, "missing folder" + hint);
        }

        return full;
    }

    private static TaskData Build(ChildSettings options, string folder, bool normalize)
    {
        var cifar = IsCifar(options, folder);
        var (trainImages, trainLabels, testImages, testLabels) = cifar ? ReadCifar(folder) : ReadIdx(folder);
        var classes = cifar ? CifarReader.Classes : IdxClasses;
        if (options.Classes is { } k && k < classes)
        {
            (trainImages, trainLabels) = FirstClasses(trainImages, trainLabels, k);
            (testImages, testLabels) = FirstClasses(testImages, testLabels, k);
            classes = k;
        }

        if (options.Task == TaskKind.Retrieval)
        {
            return ClassDisjoint(options, folder, normalize, classes, trainImages, trainLabels, testImages, testLabels);
        }

        return DataSplit.Carve(folder, classes, trainImages, trainLabels, testImages, testLabels, options, normalize);
    }

    // The images labelled below k, in order; consumes (disposes) the inputs.
    private static (Tensor Images, Tensor Labels) FirstClasses(Tensor images, Tensor labels, int k)
    {
        using (images)
        using (labels)
        using (var keep = labels.lt(k).nonzero().squeeze(1))
        {
            return (images.index_select(0, keep), labels.index_select(0, keep));
        }
    }

    private static (Tensor, Tensor, Tensor, Tensor) ReadIdx(string folder)
    {
        var (train, trainLabels) = ReadIdxPair(folder, "train");
        var (test, testLabels) = ReadIdxPair(folder, "t10k");
        return (train, trainLabels, test, testLabels);
    }

    private static (Tensor Images, Tensor Labels) ReadIdxPair(string folder, string prefix)
    {
        var imagePath = IdxReader.Resolve(folder, $"{prefix}-images-idx3-ubyte");
        var labelPath = IdxReader.Resolve(folder, $"{prefix}-labels-idx1-ubyte");
        var images = IdxReader.ReadImages(imagePath);
        var labels = IdxReader.ReadLabels(labelPath, IdxClasses);
        if (images.shape[0] != labels.shape[0])
        {
            var (n, m) = (images.shape[0], labels.shape[0]);
            images.Dispose();
            labels.Dispose();
            throw DataPreflight.CountMismatch(labelPath, m, n, imagePath);
        }

        return (images, labels);
    }

    private static (Tensor, Tensor, Tensor, Tensor) ReadCifar(string folder)
    {
        var trainPaths = CifarReader.TrainFiles.Select(f => CifarReader.Resolve(folder, f)).ToArray();
        var testPath = CifarReader.Resolve(folder, CifarReader.TestFile);
        var (train, trainLabels) = CifarReader.Read(trainPaths);
        var (test, testLabels) = CifarReader.Read(new[] { testPath });
        return (train, trainLabels, test, testLabels);
    }
}
