using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Data;

/// <summary>The data preflight of a CIFAR-10 binary folder: whole records, every record's label byte, a test split.</summary>
public sealed class CifarPreflightTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ChildSettings Cifar(int validation = 10) =>
        new ExperimentOptions { Task = TaskKind.Cifar10, DataDirectory = _folder.Path, ValidationSize = validation }.ChildSettings();

    [Fact]
    public void Check_ValidFolder_Passes()
    {
        Write(records: 12);

        Assert.Null(DataPreflight.Problem(Cifar()));
    }

    [Fact]
    public void Check_FileCutMidRecord_Truncated()
    {
        Write(records: 12);
        var path = _folder.File("data_batch_3.bin");
        using (var file = File.OpenWrite(path))
        {
            file.SetLength(file.Length - 100);
        }

        Assert.Equal($"{path}: truncated file: 36776 bytes is not a whole number of 3073-byte records", DataPreflight.Problem(Cifar()));
    }

    [Fact]
    public void Check_LabelByteOutOfRange_NamesTheRecord()
    {
        Write(records: 12);
        var path = _folder.File("data_batch_5.bin");
        var labels = Labels(12);
        labels[9] = 200;
        DataFiles.WriteCifar(path, labels);

        Assert.Equal($"{path}: label out of range: record 9 has label 200, expected 0..9", DataPreflight.Problem(Cifar()));
    }

    [Fact]
    public void Check_TooFewTrainingImagesForValidation_NoTrainingImages()
    {
        Write(records: 2);

        Assert.Equal($"{_folder.Path}: validation size 10 leaves no training images: the training file holds 10", DataPreflight.Problem(Cifar()));
    }

    [Fact]
    public void Check_MissingTestFile_NamesIt()
    {
        Write(records: 12);
        File.Delete(_folder.File(CifarReader.TestFile));

        Assert.StartsWith($"{_folder.File(CifarReader.TestFile)}: missing file", DataPreflight.Problem(Cifar()));
    }

    private static byte[] Labels(int records) => [.. Enumerable.Range(0, records).Select(i => (byte)(i % 10))];

    private void Write(int records)
    {
        foreach (var name in CifarReader.TrainFiles.Append(CifarReader.TestFile))
        {
            DataFiles.WriteCifar(_folder.File(name), Labels(records));
        }
    }
}
