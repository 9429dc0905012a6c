using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Training;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// The silo's training worker (spec §3): every running child gets a dedicated background <see cref="Thread"/> (never
/// the grain scheduler, never the thread pool that Orleans needs), at most
/// <see cref="TrainingOptions.MaxConcurrentChildren"/> at once, the rest queued first-in first-out. The thread talks
/// to the grains through <see cref="GrainChildController"/> and ends by reporting to its child grain.
/// </summary>
public sealed class TrainingWorker : IHostedService, IDisposable
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShutdownReportTimeout = TimeSpan.FromSeconds(2);
    private readonly IGrainFactory _grains;
    private readonly IChildRunner _runner;
    private readonly TrainingOptions _options;
    private readonly ILogger<TrainingWorker> _logger;
    private readonly Lock _gate = new();
    private readonly Lock _threadsGate = new();
    private readonly LinkedList<ChildRunEntry> _queue = new();
    private readonly Dictionary<string, ChildRunEntry> _entries = [];
    private readonly CancellationTokenSource _shutdown = new();
    private int _running;
    private bool _stopping;

    /// <summary>A worker that runs children with <paramref name="runner"/>.</summary>
    public TrainingWorker(IGrainFactory grains, IChildRunner runner, IOptions<TrainingOptions> options, ILogger<TrainingWorker> logger)
    {
        _grains = grains;
        _runner = runner;
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

    /// <summary>
    /// Launches (or queues) the child's training and returns at once; <paramref name="cancellationToken"/> stops it at
    /// its next batch (or removes it from the queue). The end is reported to the child grain, never thrown here.
    /// </summary>
    public void Start(ChildJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var entry = new ChildRunEntry(job, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token));
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

        var watch = Stopwatch.StartNew();
        var (state, outcome, error) = Execute(entry);
        Log.ChildRunEnded(_logger, entry.ChildId, state, watch.Elapsed.TotalSeconds);
        ReportEnd(entry, state, outcome, error);
        Finish(entry);
    }

    private (ChildState State, ChildOutcome? Outcome, string? Error) Execute(ChildRunEntry entry)
    {
        if (entry.Token.IsCancellationRequested)
        {
            return (ChildState.Cancelled, null, null);
        }

        var job = entry.Job;
        var controller = new GrainChildController(
            _grains.GetGrain<ICoordinatorGrain>(job.PolicyId), _grains.GetGrain<IChildTrainerGrain>(entry.ChildId));
        Log.ChildRunStarted(_logger, entry.ChildId, job.Seed, RunningCount);
        try
        {
            var outcome = _runner.Run(new ChildSpec(entry.ChildId, job.Index, job.Seed, job.Options), controller, entry.Token);
            return (ChildState.Completed, outcome, null);
        }
        catch (Exception) when (entry.Token.IsCancellationRequested)
        {
            // Whatever surfaced after a cancel (the trainer's OperationCanceledException, or a grain call refused by a
            // stopping silo) is the cancellation, not a failure of the child.
            return (ChildState.Cancelled, null, null);
        }
        catch (Exception ex)
        {
            Log.ChildRunFailed(_logger, ex, entry.ChildId);
            return (ChildState.Failed, null, ErrorText.OneLine(ex));
        }
    }

    private void ReportEnd(ChildRunEntry entry, ChildState state, ChildOutcome? outcome, string? error)
    {
        var timeout = _shutdown.IsCancellationRequested ? ShutdownReportTimeout : ReportTimeout;
        try
        {
            _grains.GetGrain<IChildTrainerGrain>(entry.ChildId).ReportEndAsync(state, outcome, error)
                .WaitAsync(timeout).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            Log.ReportEndFailed(_logger, ex, entry.ChildId, state);
        }
    }

    private void Finish(ChildRunEntry entry)
    {
        lock (_gate)
        {
            _entries.Remove(entry.ChildId);
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
    }

    // torch.set_num_threads is process-wide: re-set it whenever the number of running children changes (spec §3).
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
