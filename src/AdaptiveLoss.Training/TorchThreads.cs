using TorchSharp;

namespace AdaptiveLoss.Training;

/// <summary>
/// torch's intra-op thread count (docs/design.md §3): with N children training at once on c cores each gets
/// max(1, c / N) threads, so the loops do not contend (toolchain.md: 2 loops × 1 thread on 2 cores nearly double the
/// throughput, 2 × 2 threads lose 15 %). torch.set_num_threads is not process-wide in effect: libtorch's OpenMP team
/// size is a per-thread setting (omp_set_num_threads), and a thread reads the process value only before its first
/// parallel op. So <see cref="Configure"/> records the target and every child applies it on its own thread
/// (<see cref="Apply"/>, once per batch: a compare, and a native call only when the target changed).
/// </summary>
public static class TorchThreads
{
    private static readonly object LegacyGate = new();
    private static volatile int _target;
    private static int _legacyCurrent;

    [ThreadStatic]
    private static int _applied;

    /// <summary>The thread count for <paramref name="runningChildren"/> concurrent children on <paramref name="cores"/> cores.</summary>
    public static int For(int runningChildren, int cores) => Math.Max(1, cores / Math.Max(1, runningChildren));

    /// <summary>The count set by the last <see cref="Configure"/> (0 before any).</summary>
    public static int Target => _target;

    /// <summary>
    /// Sets the thread count for <paramref name="runningChildren"/> concurrent children on this machine, for the calling
    /// thread now and for every child at its next <see cref="Apply"/>; returns it.
    /// </summary>
    public static int Configure(int runningChildren)
    {
        ChildTuning.EnsureAllocator();
        _target = For(runningChildren, Environment.ProcessorCount);
        if (!ChildTuning.Enabled)
        {
            // The costs suite's "before" arm: one call on whichever thread changed the count, as before the fix.
            lock (LegacyGate)
            {
                if (_target != _legacyCurrent)
                {
                    torch.set_num_threads(_target);
                    _legacyCurrent = _target;
                }
            }

            return _target;
        }

        Apply();
        return _target;
    }

    /// <summary>Applies the current target on the calling thread if it differs from what this thread last applied.</summary>
    public static void Apply()
    {
        var target = _target;
        if (target > 0 && target != _applied && ChildTuning.Enabled)
        {
            torch.set_num_threads(target);
            _applied = target;
        }
    }
}
