using System.Diagnostics;
using System.Runtime.Versioning;

namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>
/// Data a run cannot use: each is refused by the preflight before anything starts (docs/design.md §2), in one line
/// naming the file, exit 2, nothing written, under the memory ceiling — not found by children minutes later.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-hostile-data-").FullName;

    public void Dispose()
    {
        foreach (var folder in Directory.EnumerateDirectories(_folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Run_CorruptMagic_Refused()
    {
        var data = HostileData.IdxFolder(_folder);
        HostileData.WriteImages(Path.Combine(data, HostileData.TrainImages), 200, 8, 8, magic: 0x2051);

        HostileRun.AssertRefused(await RunAsync(data), $"{HostileData.TrainImages}: bad magic number 8273 (an IDX images file starts with 2051)");
    }

    [Fact]
    public async Task Run_TruncatedImages_Refused()
    {
        var data = HostileData.IdxFolder(_folder);
        HostileData.WriteImages(Path.Combine(data, HostileData.TestImages), 50, 8, 8, pixels: 1000);

        HostileRun.AssertRefused(await RunAsync(data), $"{HostileData.TestImages}: truncated file: the header says 50 images of 8x8");
    }

    [Fact]
    public async Task Run_TruncatedGzip_Refused()
    {
        var data = HostileData.IdxFolder(_folder, gzip: true);
        var path = Path.Combine(data, HostileData.TrainImages);
        File.Move(path, path + ".gz");
        var bytes = File.ReadAllBytes(path + ".gz");
        File.WriteAllBytes(path + ".gz", bytes[..(bytes.Length / 2)]);

        HostileRun.AssertRefused(await RunAsync(data), $"{HostileData.TrainImages}.gz: truncated or corrupt gzip file");
    }

    [Fact]
    public async Task Run_LabelOutOfRange_Refused()
    {
        var data = HostileData.IdxFolder(_folder);
        var labels = HostileData.Labels(200);
        labels[42] = 12;
        HostileData.WriteLabels(Path.Combine(data, HostileData.TrainLabels), labels);

        HostileRun.AssertRefused(await RunAsync(data), $"{HostileData.TrainLabels}: label out of range: item 42 has label 12, expected 0..9");
    }

    [Fact]
    public async Task Run_LabelsCountDiffersFromImages_Refused()
    {
        var data = HostileData.IdxFolder(_folder);
        HostileData.WriteLabels(Path.Combine(data, HostileData.TestLabels), HostileData.Labels(49));

        HostileRun.AssertRefused(await RunAsync(data), $"{HostileData.TestLabels}: shape mismatch: 49 labels for the 50 images of {HostileData.TestImages}");
    }

    [Fact]
    public async Task Run_TooFewImagesForTheValidationSize_Refused()
    {
        var data = HostileData.IdxFolder(_folder);

        var result = await HostileRun.CliAsync(_folder, "run", "--task", "idx", "--data", data, "--validation-size", "200");

        HostileRun.AssertRefused(result, "validation size 200 leaves no training images: the training file holds 200");
    }

    [Fact]
    public async Task Run_EmptyTestSplit_RefusedBeforeTraining()
    {
        var data = HostileData.IdxFolder(_folder, test: 0);

        HostileRun.AssertRefused(await RunAsync(data), $"{HostileData.TestLabels}: the test split has no images");
    }

    [Fact]
    public async Task Run_FifoAsADataFile_RefusedWithoutHanging()
    {
        var data = HostileData.IdxFolder(_folder);
        var labels = Path.Combine(data, HostileData.TrainLabels);
        File.Delete(labels);
        await MkfifoAsync(labels);

        HostileRun.AssertRefused(await RunAsync(data), $"{HostileData.TrainLabels}: is a FIFO, not a regular file");
    }

    [Fact]
    public async Task Run_CifarFileCutMidRecord_Refused()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "cifar")).FullName;
        foreach (var name in Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").Append("test_batch.bin"))
        {
            File.WriteAllBytes(Path.Combine(data, name), Cifar(records: 4));
        }

        File.WriteAllBytes(Path.Combine(data, "data_batch_2.bin"), Cifar(records: 4)[..^10]);

        var result = await HostileRun.CliAsync(_folder, "run", "--task", "cifar10", "--model", "resnet8", "--data", data, "--validation-size", "5");

        HostileRun.AssertRefused(result, "data_batch_2.bin: truncated file: 12282 bytes is not a whole number of 3073-byte records");
    }

    [Fact]
    public async Task Run_OutUnderAFile_RefusedNamingTheFlag()
    {
        var data = HostileData.IdxFolder(_folder);
        File.WriteAllText(Path.Combine(_folder, "file"), "x");

        var result = await RunAsync(data, "--out", Path.Combine(_folder, "file", "run"));

        HostileRun.AssertRefused(result, $"--out '{_folder}/file/run' cannot be created: {_folder}/file is a file");
    }

    [Fact]
    public async Task Run_ReadOnlyOut_RefusedNamingTheFlag()
    {
        var data = HostileData.IdxFolder(_folder);
        var locked = ReadOnlyFolder("locked-out");

        HostileRun.AssertRefused(await UnprivilegedAsync(data, "--out", Path.Combine(locked, "run")),
            $"--out '{locked}/run' cannot be created: {locked} is not writable");
    }

    [Fact]
    public async Task Run_ReadOnlyState_RefusedNamingTheFlag()
    {
        var data = HostileData.IdxFolder(_folder);
        var locked = ReadOnlyFolder("locked-state");

        HostileRun.AssertRefused(await UnprivilegedAsync(data, "--state", locked), $"--state '{locked}' is not writable");
    }

    private Task<HostileResult> RunAsync(string data, params string[] more) =>
        HostileRun.CliAsync(_folder, ["run", "--task", "idx", "--data", data, "--validation-size", "20", .. more]);

    // The run writes its default --out and --state in the working folder: as nobody it must be able to look there.
    private Task<HostileResult> UnprivilegedAsync(string data, params string[] more) =>
        HostileRun.CliUnprivilegedAsync(_folder, ["run", "--task", "idx", "--data", data, "--validation-size", "20", .. more]);

    // r-x for everyone: readable and traversable, writable by no one but root (whom the test runs the CLI apart from).
    private string ReadOnlyFolder(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b101_101_101); // 0555
        return folder;
    }

    private static async Task MkfifoAsync(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path);
        await mkfifo.WaitForExitAsync();
    }

    // CIFAR-10 records: a label byte (r mod 10) and 3,072 pixel bytes.
    private static byte[] Cifar(int records) =>
        [.. Enumerable.Range(0, records).SelectMany(r => new[] { (byte)(r % 10) }.Concat(new byte[3072]))];
}
