using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Cli.Data;

/// <summary>
/// Checks, before anything starts, that the task's data folder and files exist (docs/design.md §2), so that a missing data set
/// is a one-line usage error (exit 2) and not a child failing minutes later.
/// </summary>
internal static class DataFolderCheck
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the four IDX files.</summary>
    public const string FashionMnistDefault = "/usr/share/datasets/fashion-mnist";

    /// <summary>The four MNIST-format files (each may also be gzipped: name + ".gz").</summary>
    public static IReadOnlyList<string> IdxFiles { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>The CIFAR-10 binary-format files.</summary>
    public static IReadOnlyList<string> Cifar10Files { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"];

    /// <summary>The folder the task reads: <c>--data</c>, or the task's default.</summary>
    public static string FolderOf(ExperimentOptions options) => options.DataDirectory ?? FashionMnistDefault;

    /// <summary>A one-line problem with the data folder, or null when every file is there.</summary>
    public static string? Problem(ExperimentOptions options)
    {
        var folder = FolderOf(options);
        var isDefault = options.DataDirectory is null;
        if (!Directory.Exists(folder))
        {
            return isDefault
                ? $"Fashion-MNIST not found in {folder}: install it with `apt-get install dataset-fashion-mnist`, or pass --data DIR"
                : $"--data folder '{folder}' does not exist";
        }

        // Retrieval reads either format: a folder with test_batch.bin is CIFAR-10 (DataCatalog.IsCifar).
        var cifar = options.Task == TaskKind.Cifar10 || (options.Task == TaskKind.Retrieval && File.Exists(Path.Combine(folder, "test_batch.bin")));
        var missing = cifar
            ? Cifar10Files.FirstOrDefault(f => !File.Exists(Path.Combine(folder, f)))
            : IdxFiles.FirstOrDefault(f => !File.Exists(Path.Combine(folder, f)) && !File.Exists(Path.Combine(folder, f + ".gz")));
        if (missing is null)
        {
            return null;
        }

        var what = cifar ? missing : $"{missing}(.gz)";
        return isDefault
            ? $"Fashion-MNIST folder {folder} has no {what}: reinstall it with `apt-get install --reinstall dataset-fashion-mnist`"
            : $"--data folder '{folder}' has no {what}";
    }
}
