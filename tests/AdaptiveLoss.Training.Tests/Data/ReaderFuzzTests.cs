using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Data;

/// <summary>
/// Fuzzing the IDX and CIFAR-10 readers and the data preflight: random bytes, truncations and header flips of valid
/// files each end in a one-line <see cref="DataFormatException"/> or a clean read, never another exception, a hang or a
/// crash; and a folder the preflight passes is one the readers load. Seeded, so a failure replays.
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    private const int Cases = 300;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void IdxReader_RandomBytes_OnlyDataFormatExceptions()
    {
        var random = new Random(21);
        var path = _folder.File("random");
        for (var i = 0; i < Cases; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            // Some cases get a valid magic number, so the fuzz reaches the dimensions and the body.
            if (i % 3 == 0 && bytes.Length >= 4)
            {
                bytes[0] = 0;
                bytes[1] = 0;
                bytes[2] = 8;
                bytes[3] = (byte)(i % 2 == 0 ? 3 : 1);
            }

            File.WriteAllBytes(path, bytes);
            Expect(() => IdxReader.ReadImages(path).Dispose(), $"random images case {i}");
            Expect(() => IdxReader.ReadLabels(path, 10).Dispose(), $"random labels case {i}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IdxReaderAndPreflight_TruncationsOfAValidFolder_AgreeAndOnlyDataFormatExceptions(bool gzip)
    {
        var random = new Random(gzip ? 22 : 23);
        for (var i = 0; i < Cases / 2; i++)
        {
            DataFiles.WriteIdxFolder(_folder.Path, train: 12, test: 4, gzip: gzip);
            var name = Names(gzip)[random.Next(4)];
            var bytes = File.ReadAllBytes(_folder.File(name));
            File.WriteAllBytes(_folder.File(name), bytes[..random.Next(0, bytes.Length)]);
            PreflightThenLoad(gzip, $"{name} truncated, case {i}", mustFail: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IdxReaderAndPreflight_HeaderAndLabelFlips_AgreeAndOnlyDataFormatExceptions(bool gzip)
    {
        var random = new Random(gzip ? 24 : 25);
        for (var i = 0; i < Cases / 2; i++)
        {
            DataFiles.WriteIdxFolder(_folder.Path, train: 12, test: 4, gzip: false);
            var name = Names(gzip: false)[random.Next(4)];
            var bytes = File.ReadAllBytes(_folder.File(name));
            // The header and the first labels: where a flip changes what the file claims.
            bytes[random.Next(Math.Min(bytes.Length, 24))] = (byte)random.Next(256);
            File.WriteAllBytes(_folder.File(name), bytes);
            if (gzip)
            {
                Compress();
            }

            PreflightThenLoad(gzip, $"{name} flipped, case {i}", mustFail: false);
        }
    }

    [Fact]
    public void CifarReader_RandomAndTruncatedFiles_OnlyDataFormatExceptions()
    {
        var random = new Random(26);
        var path = _folder.File("data_batch_1.bin");
        for (var i = 0; i < Cases; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[CifarReader.RecordBytes * random.Next(0, 3) + (i % 4 == 0 ? 0 : random.Next(0, 50))];
                random.NextBytes(bytes);
            }
            else
            {
                DataFiles.WriteCifar(path, [.. Enumerable.Range(0, 3).Select(r => (byte)r)]);
                bytes = File.ReadAllBytes(path)[..random.Next(0, 3 * CifarReader.RecordBytes)];
            }

            File.WriteAllBytes(path, bytes);
            Expect(() =>
            {
                var (images, labels) = CifarReader.Read([path]);
                images.Dispose();
                labels.Dispose();
            }, $"cifar case {i}");
        }
    }

    private static string[] Names(bool gzip) =>
        [.. new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" }.Select(n => gzip ? n + ".gz" : n)];

    // The preflight either refuses the folder in one line, or passes it and every reader then reads it.
    private void PreflightThenLoad(bool gzip, string what, bool mustFail)
    {
        var settings = new ExperimentOptions { Task = TaskKind.Idx, DataDirectory = _folder.Path, ValidationSize = 5 }.ChildSettings();
        var passed = Expect(() => DataPreflight.Check(settings), what);
        Assert.False(mustFail && passed, $"{what}: the preflight passed a truncated file");
        if (passed)
        {
            var names = Names(gzip);
            using var trainImages = IdxReader.ReadImages(_folder.File(names[0]));
            using var trainLabels = IdxReader.ReadLabels(_folder.File(names[1]), 10);
            using var testImages = IdxReader.ReadImages(_folder.File(names[2]));
            using var testLabels = IdxReader.ReadLabels(_folder.File(names[3]), 10);
        }
    }

    // Replaces each raw file by its gzip (the reader detects gzip by signature).
    private void Compress()
    {
        foreach (var name in Names(gzip: false))
        {
            var raw = File.ReadAllBytes(_folder.File(name));
            File.Delete(_folder.File(name));
            using var file = File.Create(_folder.File(name + ".gz"));
            using var zip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
            zip.Write(raw);
        }
    }

    // True when the action completed; false after a one-line DataFormatException; fails the test on anything else.
    private static bool Expect(Action action, string what)
    {
        try
        {
            action();
            return true;
        }
        catch (DataFormatException ex)
        {
            Assert.False(ex.Message.Contains('\n'), $"{what}: a multi-line message: {ex.Message}");
            return false;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: {ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }
}
