using System.Text;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Reporting.Tests;

/// <summary>
/// Fuzzing the history reader (what <c>ala report</c> reads): random bytes, truncations and byte flips of a valid
/// history.json each end in the reader's <see cref="InvalidDataException"/> (or, for a harmless flip, a history), never
/// another exception or a hang; a file that is not regular or is too large is a <see cref="BoundedFileException"/>.
/// Seeded, so a failure replays.
/// </summary>
public sealed class RunHistoryFuzzTests : IDisposable
{
    private const int Cases = 300;
    private readonly string _directory = Directory.CreateTempSubdirectory("ala-history-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Valid => Encoding.UTF8.GetBytes(RunHistoryFile.Serialize(RunHistoryBuilder.Build(Statuses.Options, Statuses.Experiment(), Statuses.Policy())));

    [Fact]
    public void Read_RandomBytes_OnlyInvalidData()
    {
        var random = new Random(31);
        for (var i = 0; i < Cases; i++)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            Expect(i % 2 == 0 ? bytes : [.. Encoding.UTF8.GetBytes("{\"experimentId\":\"x\",\"options\":{"), .. bytes], $"random case {i}", mustFail: true);
        }
    }

    [Fact]
    public void Read_TruncationsOfAValidHistory_OnlyInvalidData()
    {
        var valid = Valid;
        var random = new Random(32);
        for (var i = 0; i < Cases; i++)
        {
            var length = random.Next(0, valid.Length - 1);
            Expect(valid[..length], $"truncated to {length} of {valid.Length}", mustFail: true);
        }
    }

    [Fact]
    public void Read_ByteFlipsOfAValidHistory_OnlyInvalidDataOrAHistory()
    {
        var valid = Valid;
        var random = new Random(33);
        for (var i = 0; i < Cases; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var f = random.Next(1, 4); f > 0; f--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            Expect(bytes, $"flip case {i}", mustFail: false);
        }
    }

    private void Expect(byte[] content, string what, bool mustFail)
    {
        var path = Path.Combine(_directory, RunHistoryFile.FileName);
        File.WriteAllBytes(path, content);
        try
        {
            RunHistoryFile.Read(path);
            Assert.False(mustFail, $"{what}: accepted");
        }
        catch (InvalidDataException)
        {
            // The reader's own error: ala report prints its message on one line.
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
