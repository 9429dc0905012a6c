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
    private readonly List<(int Count, TaskCompletionSource Entered)> _startWaiters = [];
    private int _running;

    public ConcurrentQueue<string> Started { get; } = new();

    public ConcurrentQueue<string> SawCancellation { get; } = new();

    /// <summary>Each run's thread: (name, background, thread-pool).</summary>
    public ConcurrentQueue<(string? Name, bool Background, bool Pool)> Threads { get; } = new();

    public ConcurrentQueue<int> ThreadConfigurations { get; } = new();

    public int MaxRunning { get; private set; }

    public void Open(string childId) => Gate(childId).Release();

    /// <summary>Completes once <paramref name="count"/> runs in all have entered <see cref="Run"/> (an event, not a poll).</summary>
    public Task StartedAsync(int count)
    {
        lock (_startWaiters)
        {
            if (Started.Count >= count)
            {
                return Task.CompletedTask;
            }

            var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _startWaiters.Add((count, entered));
            return entered.Task;
        }
    }

    public ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken)
    {
        var thread = Thread.CurrentThread;
        Threads.Enqueue((thread.Name, thread.IsBackground, thread.IsThreadPoolThread));
        lock (_startWaiters)
        {
            Started.Enqueue(spec.ChildId);
            foreach (var waiter in _startWaiters.Where(w => w.Count <= Started.Count).ToList())
            {
                _startWaiters.Remove(waiter);
                waiter.Entered.SetResult();
            }
        }

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
