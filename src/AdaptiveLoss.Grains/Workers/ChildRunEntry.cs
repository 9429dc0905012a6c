namespace AdaptiveLoss.Grains.Workers;

/// <summary>One child held by the training worker: its job, its cancellation and, once launched, its thread.</summary>
internal sealed class ChildRunEntry(ChildJob job, CancellationTokenSource cancellation) : IDisposable
{
    public ChildJob Job { get; } = job;

    public string ChildId { get; } = ChildKeys.ChildId(job);

    public CancellationToken Token => cancellation.Token;

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
