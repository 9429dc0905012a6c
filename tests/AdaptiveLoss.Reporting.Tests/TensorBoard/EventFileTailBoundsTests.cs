using System.Diagnostics;
using AdaptiveLoss.Reporting.TensorBoard;

namespace AdaptiveLoss.Reporting.Tests.TensorBoard;

/// <summary>
/// A resumed run reads its last event file back whole: a file that is not regular or is over the limit is treated as
/// damaged (a new file is started), never read forever or into exhausted memory.
/// </summary>
public sealed class EventFileTailBoundsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-event-tail-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task LastStep_Fifo_NullWithoutBlocking()
    {
        var path = Path.Combine(_folder, "events.out.tfevents.1.host");
        using (var mkfifo = Process.Start("mkfifo", path))
        {
            await mkfifo.WaitForExitAsync();
        }

        var read = Task.Run(() => EventFileTail.LastStep(path));

        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Null(await read);
    }

    [Fact]
    public void LastStep_LinkToDevZero_Null()
    {
        var path = Path.Combine(_folder, "events.out.tfevents.2.host");
        File.CreateSymbolicLink(path, "/dev/zero");

        Assert.Null(EventFileTail.LastStep(path));
    }

    [Fact]
    public void LastStep_OverTheLimit_NullWithoutReading()
    {
        var path = Path.Combine(_folder, "events.out.tfevents.3.host");
        using (var file = File.Create(path))
        {
            file.SetLength(EventFileTail.MaxBytes + 1);
        }

        Assert.Null(EventFileTail.LastStep(path));
    }
}
