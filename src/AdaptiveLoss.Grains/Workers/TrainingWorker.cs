using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// The silo's training worker (docs/design.md §3): every running child gets a dedicated background <see cref="Thread"/> (never
/// the grain scheduler, never the thread pool that Orleans needs), at most
/// <see cref="TrainingOptions.MaxConcurrentChildren"/> at once, the rest queued first-in first-out. The thread talks
/// to the grains through <see cref="GrainChildController"/> and ends by reporting to its child grain.
/// </summary>
public sealed class TrainingWorker : IHostedService, IDisposable
{
    private readonly IChildRunner _runner;
    private readonly ChildRunBody _body;
    private readonly TrainingOptions _options;
    private readonly ILogger<TrainingWorker> _logger;
    private readonly Lock _gate = new();
    private readonly Lock _threadsGate = new();
    private readonly LinkedList<ChildRunEntry> _queue = new();
    private readonly Dictionary<string, ChildRunEntry> _entries = [];
    private readonly CancellationTokenSource _shutdown = new();
    private int _running;
    private bool _stopping;

    /// <summary>
    /// A worker that runs children with <paramref name="runner"/>; <paramref name="time"/> paces the retries of their
    /// grain calls.
    /// </summary>
    public TrainingWorker(IGrainFactory grains, IChildRunner runner, IOptions<TrainingOptions> options, ILogger<TrainingWorker> logger,
        TimeProvider time)
    {
        _runner = runner;
        // One batcher per silo: its children that ask for decisions together share a grain call.
        _body = new ChildRunBody(grains, runner, options.Value, logger, time, new DecisionBatcher());
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Children training now.</summary>
    public int RunningCount { get { lock (_gate) { return _running; } } }

    /// <summary>Children waiting for a slot.</summary>
    public int QueuedCount { get { lock (_gate) { return _queue.Count; } } }

    /// <summary>True while <paramref name="childId"/> holds a training slot.</summary>
    public bool IsRunning(string childId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(childId, out var entry) && entry.HoldsSlot;
        }
    }

    /// <summary>True while the worker holds <paramref name="childId"/>, queued or training.</summary>
    public bool Holds(string childId)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(childId);
        }
    }

    /// <summary>
    /// Stops <paramref name="childId"/>'s run without reporting its end (its grain went away): the child stays
    /// unfinished in storage and resumes from its checkpoint when its grain is activated again.
    /// </summary>
    public void Interrupt(string childId)
    {
        ChildRunEntry? entry;
        lock (_gate)
        {
            _entries.TryGetValue(childId, out entry);
        }

        entry?.Interrupt();
    }

    /// <summary>
    /// Starts a stored, unfinished child again (its grain was activated anew). If this worker still holds an
    /// interrupted run of it (the previous activation went away moments ago and its thread has not finished yet), the
    /// new run starts as soon as that one is out, instead of being refused or lost. A run that was not interrupted
    /// belongs to another activation (a duplicate Orleans is about to remove): it is left alone and false returned.
    /// </summary>
    public bool Resume(ChildJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (_entries.TryGetValue(ChildKeys.ChildId(job), out var held))
            {
                if (!held.Interrupted)
                {
                    return false;
                }

                held.Successor = (job, cancellationToken);
                return true;
            }
        }

        Start(job, cancellationToken, default, resumed: true);
        return true;
    }

    /// <summary>Deletes <paramref name="childId"/>'s checkpoint folder, if checkpoints are on and it has one.</summary>
    public void DeleteCheckpoint(string childId) => TorchChildRunner.DeleteCheckpointFolder(_options.CheckpointRoot, childId);

    /// <summary>
    /// Launches (or queues) the child's training and returns at once; <paramref name="cancellationToken"/> stops it at
    /// its next batch (or removes it from the queue). The end is reported to the child grain, never thrown here.
    /// <paramref name="parent"/> is the trace context the child's spans join (default: none, they start a trace).
    /// </summary>
    public void Start(ChildJob job, CancellationToken cancellationToken, ActivityContext parent = default) =>
        Start(job, cancellationToken, parent, resumed: false);

    private void Start(ChildJob job, CancellationToken cancellationToken, ActivityContext parent, bool resumed)
    {
        ArgumentNullException.ThrowIfNull(job);
        var entry = new ChildRunEntry(job, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token), parent, resumed);
        entry.Registration = entry.Token.Register(() => OnCancelled(entry));
        lock (_gate)
        {
            if (_stopping || !_entries.TryAdd(entry.ChildId, entry))
            {
                entry.Dispose();
                throw new InvalidOperationException(_stopping
                    ? $"child {entry.ChildId}: the silo is shutting down"
                    : $"child {entry.ChildId} is already held by the training worker");
            }

            if (entry.Token.IsCancellationRequested)
            {
                Launch(entry, holdsSlot: false);
            }
            else if (HasFreeSlot)
            {
                Launch(entry, holdsSlot: true);
            }
            else
            {
                _queue.AddLast(entry);
                Log.ChildQueued(_logger, entry.ChildId, _queue.Count);
            }
        }
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Cancels every child (queued ones included) and waits for their threads, up to the shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopping = true;
        }

        await _shutdown.CancelAsync();
        Thread[] threads;
        lock (_gate)
        {
            threads = [.. _entries.Values.Select(e => e.Thread).OfType<Thread>()];
        }

        var timeout = TimeSpan.FromSeconds(_options.ShutdownTimeoutSeconds);
        var joined = await Task.Run(() => JoinAll(threads, timeout), CancellationToken.None);
        Log.WorkerStopped(_logger, threads.Length, joined);
    }

    /// <inheritdoc/>
    public void Dispose() => _shutdown.Dispose();

    private bool HasFreeSlot => _options.MaxConcurrentChildren <= 0 || _running < _options.MaxConcurrentChildren;

    // Under _gate. UnsafeStart: the grain call's execution context (request context) must not leak into the thread.
    private void Launch(ChildRunEntry entry, bool holdsSlot)
    {
        entry.HoldsSlot = holdsSlot;
        if (holdsSlot)
        {
            _running++;
        }

        entry.Thread = new Thread(() => Run(entry)) { IsBackground = true, Name = $"child-{entry.ChildId}" };
        entry.Thread.UnsafeStart();
    }

    // A queued child that is cancelled leaves the queue at once: its thread only reports the cancellation.
    private void OnCancelled(ChildRunEntry entry)
    {
        lock (_gate)
        {
            if (_queue.Remove(entry))
            {
                Launch(entry, holdsSlot: false);
            }
        }
    }

    private void Run(ChildRunEntry entry)
    {
        if (entry.HoldsSlot)
        {
            ConfigureThreads();
        }

        _body.Run(entry, RunningCount, _shutdown.Token);
        Finish(entry);
    }

    private void Finish(ChildRunEntry entry)
    {
        (ChildJob Job, CancellationToken Token)? successor;
        lock (_gate)
        {
            _entries.Remove(entry.ChildId);
            successor = entry.Successor;
            if (entry.HoldsSlot)
            {
                _running--;
                while (HasFreeSlot && _queue.First is { } next)
                {
                    _queue.RemoveFirst();
                    Launch(next.Value, holdsSlot: true);
                }
            }
        }

        if (entry.HoldsSlot)
        {
            ConfigureThreads();
        }

        entry.Dispose();
        if (successor is { } follow && !follow.Token.IsCancellationRequested)
        {
            try
            {
                Start(follow.Job, follow.Token, default, resumed: true);
            }
            catch (InvalidOperationException ex)
            {
                // The silo is stopping: the record stays unfinished and the next activation resumes it.
                Log.ChildResumeDeferred(_logger, ex, entry.ChildId);
            }
        }
    }

    // torch.set_num_threads is process-wide: re-set it whenever the number of running children changes (docs/design.md §3).
    private void ConfigureThreads()
    {
        lock (_threadsGate)
        {
            try
            {
                _runner.ConfigureThreads(Math.Max(1, RunningCount));
            }
            catch (Exception ex)
            {
                Log.ConfigureThreadsFailed(_logger, ex);
            }
        }
    }

    private static bool JoinAll(Thread[] threads, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var all = true;
        foreach (var thread in threads)
        {
            var left = timeout - deadline.Elapsed;
            all &= thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        return all;
    }
}
