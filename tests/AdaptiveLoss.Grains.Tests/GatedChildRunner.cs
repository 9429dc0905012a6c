using System.Collections.Concurrent;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Grains.Workers;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>A fake child that trains until the test opens its gate (or it is cancelled), recording how it ran.</summary>
public sealed class GatedChildRunner : IChildRunner
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();
    private int _running;

    public ConcurrentQueue<string> Started { get; } = new();

    public ConcurrentQueue<string> SawCancellation { get; } = new();

    /// <summary>Each run's thread: (name, background, thread-pool).</summary>
    public ConcurrentQueue<(string? Name, bool Background, bool Pool)> Threads { get; } = new();

    public ConcurrentQueue<int> ThreadConfigurations { get; } = new();

    public int MaxRunning { get; private set; }

    public void Open(string childId) => Gate(childId).Release();

    public ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken)
    {
        var thread = Thread.CurrentThread;
        Threads.Enqueue((thread.Name, thread.IsBackground, thread.IsThreadPoolThread));
        Started.Enqueue(spec.ChildId);
        lock (_gates)
        {
            MaxRunning = Math.Max(MaxRunning, ++_running);
        }

        try
        {
            Gate(spec.ChildId).Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            SawCancellation.Enqueue(spec.ChildId);
            throw;
        }
        finally
        {
            lock (_gates)
            {
                _running--;
            }
        }

        return new ChildOutcome(spec.ChildId, spec.Seed, 10, 0.5, 0.5, 0.5, 0.5, 0, 0, new PhiStats(0, 0, 0), [], 0.01);
    }

    public void ConfigureThreads(int runningChildren) => ThreadConfigurations.Enqueue(runningChildren);

    private SemaphoreSlim Gate(string childId) => _gates.GetOrAdd(childId, _ => new SemaphoreSlim(0));
}
