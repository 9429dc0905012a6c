using System.Runtime.InteropServices;

namespace AdaptiveLoss.Training;

/// <summary>
/// The process settings that keep the children's CPU in user space (docs/results.md "What the children cost"): glibc's
/// allocator keeps the tensor buffers it frees instead of returning them to the kernel every batch, and each child's
/// thread applies its own torch thread count. <see cref="Enabled"/> exists for the costs suite only: its "before" arm
/// runs with <c>ALA_CHILD_TUNING=off</c> to measure what the settings are worth, in the same run.
/// </summary>
public static class ChildTuning
{
    /// <summary>The environment variable that turns the tuning off ("off"); any other value, or none, leaves it on.</summary>
    public const string EnvironmentVariable = "ALA_CHILD_TUNING";

    // glibc <malloc.h>.
    private const int MTrimThreshold = -1;
    private const int MTopPad = -2;
    private const int MMmapThreshold = -3;

    /// <summary>
    /// Allocations up to this size come from the heap (glibc's ceiling for M_MMAP_THRESHOLD on 64-bit is 32 MiB):
    /// a CNN batch's activations (6.4 MB for conv1 at batch 128) were mmap'ed and munmap'ed every step, and every
    /// page of them faulted in again, zeroed by the kernel.
    /// </summary>
    public const int MmapThresholdBytes = 32 * 1024 * 1024;

    /// <summary>
    /// Free memory at the top of a heap is returned to the kernel only above this size, and each heap grows by this
    /// much extra: without it a thread's arena is trimmed, deleted and re-created every batch (mprotect, munmap, faults).
    /// </summary>
    public const int TrimThresholdBytes = 256 * 1024 * 1024;

    /// <summary>Extra bytes a heap grows by (glibc M_TOP_PAD), so a batch's allocations need no new heap.</summary>
    public const int TopPadBytes = 64 * 1024 * 1024;

    private static readonly Lazy<bool> Applied = new(Apply);

    /// <summary>True unless <see cref="EnvironmentVariable"/> is "off".</summary>
    public static bool Enabled { get; } =
        !string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Sets glibc's allocator thresholds once per process (Linux only; elsewhere, or when off, nothing). P/Invoke rather
    /// than MALLOC_* variables in the launchers: the silo, the CLI's embedded silo, the benchmarks and the tests all get
    /// it without a wrapper script. Returns whether the settings are in force.
    /// </summary>
    public static bool EnsureAllocator() => Applied.Value;

    private static bool Apply()
    {
        if (!Enabled || !OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // mallopt returns 1 on success; fixing a threshold also stops glibc's dynamic threshold adjustment.
            return mallopt(MMmapThreshold, MmapThresholdBytes) == 1
                & mallopt(MTrimThreshold, TrimThresholdBytes) == 1
                & mallopt(MTopPad, TopPadBytes) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): its allocator has no such knobs; training works the same, only slower.
            return false;
        }
    }

    // The glibc soname: "libc" alone resolves only where libc6-dev installs the libc.so link.
    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int mallopt(int param, int value);
}
