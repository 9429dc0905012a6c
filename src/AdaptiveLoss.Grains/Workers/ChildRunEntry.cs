using System.Diagnostics;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// One child held by the training worker: its job, its cancellation, the trace context of the call that started it
/// and, once launched, its thread.
/// </summary>
internal sealed class ChildRunEntry(ChildJob job, CancellationTokenSource cancellation, ActivityContext parent, bool resumed = false)
    : IDisposable
{
    public ChildJob Job { get; } = job;

    /// <summary>True for a run that continues a stored, unfinished one (its TensorBoard events continue the earlier file).</summary>
    public bool Resumed { get; } = resumed;

    /// <summary>
    /// Parent of the child's <c>train child</c> span: the training thread starts without the grain call's execution
    /// context (UnsafeStart), so the trace is carried here explicitly (style §7.6).
    /// </summary>
    public ActivityContext Parent { get; } = parent;

    public string ChildId { get; } = ChildKeys.ChildId(job);

    public CancellationToken Token => cancellation.Token;

    /// <summary>
    /// True when the run was stopped because its grain or silo went away (not cancelled by a user): its end is not
    /// reported, so its stored record stays unfinished and a later activation resumes it from the checkpoint.
    /// </summary>
    public bool Interrupted { get; private set; }

    /// <summary>
    /// A run to start as soon as this interrupted one has finished: the child's grain was activated again (on this
    /// silo) before the interrupted thread got out. Read and written under the worker's lock.
    /// </summary>
    public (ChildJob Job, CancellationToken Token)? Successor { get; set; }

    /// <summary>Stops the run as <see cref="Interrupted"/>.</summary>
    public void Interrupt()
    {
        Interrupted = true;
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended meanwhile.
        }
    }

    public CancellationTokenRegistration Registration { get; set; }

    public Thread? Thread { get; set; }

    /// <summary>True when it occupies a training slot (a cancelled child that never trained does not).</summary>
    public bool HoldsSlot { get; set; }

    public void Dispose()
    {
        Registration.Dispose();
        cancellation.Dispose();
    }
}
