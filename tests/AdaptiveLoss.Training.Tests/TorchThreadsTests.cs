using TorchSharp;

namespace AdaptiveLoss.Training.Tests;

/// <summary>
/// The tests that change the process's torch thread target run alone: a child trained by another test class at the
/// same moment would apply it (TorchThreads.Apply, every batch), and a resumed run must see the threads of the run it
/// is compared with to be bit-identical (floating-point sums follow the thread count).
/// </summary>
[CollectionDefinition(nameof(TorchThreadsCollection), DisableParallelization = true)]
public sealed class TorchThreadsCollection;

[Collection(nameof(TorchThreadsCollection))]
public sealed class TorchThreadsTests
{
    [Theory]
    [InlineData(1, 2, 2)]
    [InlineData(2, 2, 1)]
    [InlineData(4, 2, 1)]
    [InlineData(3, 16, 5)]
    [InlineData(0, 16, 16)]
    public void For_ChildrenOnCores_MaxOfOneAndCoresOverChildren(int children, int cores, int expected)
    {
        Assert.Equal(expected, TorchThreads.For(children, cores));
    }

    /// <summary>
    /// libtorch's OpenMP team size is per thread: a count changed on another thread (the worker's, when a child starts
    /// or ends) must reach a running child's thread at its next Apply. Ends at one thread per child, the assembly's setting.
    /// </summary>
    [Fact]
    public void Apply_TargetChangedOnAnotherThread_TakesEffectOnTheCallingThread()
    {
        var cores = Environment.ProcessorCount;
        if (cores < 2)
        {
            return; // one core: every count is 1, nothing to tell apart
        }

        var seen = new int[2];
        using var started = new ManualResetEventSlim();
        using var changed = new ManualResetEventSlim();
        var child = new Thread(() =>
        {
            TorchThreads.Configure(1);
            seen[0] = torch.get_num_threads();
            started.Set();
            changed.Wait();
            TorchThreads.Apply();
            seen[1] = torch.get_num_threads();
        });
        child.Start();
        started.Wait();
        TorchThreads.Configure(cores);
        changed.Set();
        child.Join();

        Assert.Equal(TorchThreads.For(1, cores), seen[0]);
        Assert.Equal(1, seen[1]);
    }

    [Fact]
    public void EnsureAllocator_OnLinuxGlibc_SetsTheThresholds()
    {
        if (OperatingSystem.IsLinux() && ChildTuning.Enabled)
        {
            Assert.True(ChildTuning.EnsureAllocator());
        }
    }
}
