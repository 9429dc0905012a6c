using TorchSharp;

namespace AdaptiveLoss.Training;

/// <summary>
/// torch's intra-op thread count is process-wide (docs/design.md §3): with N children training at once on c cores each gets
/// max(1, c / N) threads, so the loops do not contend (toolchain.md: 2 loops × 1 thread on 2 cores nearly double the
/// throughput, 2 × 2 threads lose 15 %).
/// </summary>
public static class TorchThreads
{
    private static readonly object Gate = new();
    private static int _current;

    /// <summary>The thread count for <paramref name="runningChildren"/> concurrent children on <paramref name="cores"/> cores.</summary>
    public static int For(int runningChildren, int cores) => Math.Max(1, cores / Math.Max(1, runningChildren));

    /// <summary>Sets torch's thread count for <paramref name="runningChildren"/> concurrent children on this machine; returns it.</summary>
    public static int Configure(int runningChildren)
    {
        var threads = For(runningChildren, Environment.ProcessorCount);
        lock (Gate)
        {
            if (threads != _current)
            {
                torch.set_num_threads(threads);
                _current = threads;
            }
        }

        return threads;
    }
}
